# Parameter Store through Terraform: a String, a SecureString with a description, a StringList.
resource "aws_ssm_parameter" "plain" {
  name  = "/tf/app/plain"
  type  = "String"
  value = "hello"
  tags  = { Owner = "terraform" }
}

resource "aws_ssm_parameter" "secret" {
  name        = "/tf/app/secret"
  type        = "SecureString"
  value       = "s3cr3t"
  description = "managed by terraform"
}

resource "aws_ssm_parameter" "list" {
  name  = "/tf/app/list"
  type  = "StringList"
  value = "a,b,c"
}

output "plain_arn" {
  value = aws_ssm_parameter.plain.arn
}
