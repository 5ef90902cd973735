# A Command document managed by Terraform.
resource "aws_ssm_document" "hello" {
  name          = "tf-hello"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Say hello"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "hello"
      inputs = { runCommand = ["echo hello"] }
    }]
  })
  tags = { Owner = "terraform" }
}
