# A State Manager association managed by Terraform: the default fleet's web servers (tag Role=web)
# run a shell script every day, two at a time, tolerating one failure.
resource "aws_ssm_association" "web_check" {
  name                        = "AWS-RunShellScript"
  association_name            = "tf-web-check"
  schedule_expression         = "cron(0 2 ? * * *)"
  apply_only_at_cron_interval = true
  max_concurrency             = "2"
  max_errors                  = "1"
  compliance_severity         = "HIGH"

  targets {
    key    = "tag:Role"
    values = ["web"]
  }

  parameters = {
    commands = "systemctl is-active --quiet amazon-ssm-agent || systemctl start amazon-ssm-agent"
  }
}

# One that runs at once on every node.
resource "aws_ssm_association" "everywhere" {
  name = "AWS-RunShellScript"

  targets {
    key    = "InstanceIds"
    values = ["*"]
  }

  parameters = {
    commands = "echo hello"
  }
}

output "web_check_association_id" {
  value = aws_ssm_association.web_check.association_id
}
