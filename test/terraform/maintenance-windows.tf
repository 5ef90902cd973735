# Maintenance Windows through Terraform: a weekly patch window in Seoul with a time zone, an offset
# and a date range; a tag target on the web nodes; a Run Command task with every member of
# run_command_parameters the provider reads back.
resource "aws_ssm_maintenance_window" "patch" {
  name              = "tf-weekly-patch"
  description       = "weekly patching of the web tier"
  schedule          = "cron(0 2 ? * TUE#2 *)"
  schedule_timezone = "Asia/Seoul"
  schedule_offset   = 2
  duration          = 4
  cutoff            = 1
  start_date        = "2025-01-01T00:00:00+09:00"
  end_date          = "2035-12-31T23:59:59Z"
  tags              = { Owner = "terraform" }
}

resource "aws_ssm_maintenance_window_target" "web" {
  window_id         = aws_ssm_maintenance_window.patch.id
  name              = "tf-web-nodes"
  description       = "the web tier"
  resource_type     = "INSTANCE"
  owner_information = "platform-team"

  targets {
    key    = "tag:Role"
    values = ["web"]
  }
}

resource "aws_ssm_maintenance_window_task" "patch" {
  window_id       = aws_ssm_maintenance_window.patch.id
  name            = "tf-patch"
  description     = "update packages"
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunShellScript"
  priority        = 1
  max_concurrency = "2"
  max_errors      = "1"
  cutoff_behavior = "CANCEL_TASK"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.web.id]
  }

  task_invocation_parameters {
    run_command_parameters {
      comment          = "weekly patch"
      document_version = "$DEFAULT"
      timeout_seconds  = 600

      parameter {
        name   = "commands"
        values = ["yum -y update", "echo {{WINDOW_EXECUTION_ID}}"]
      }

      parameter {
        name   = "executionTimeout"
        values = ["3600"]
      }

      cloudwatch_config {
        cloudwatch_log_group_name = "tf-maintenance"
        cloudwatch_output_enabled = true
      }
    }
  }
}

# After the update, restart the web servers one at a time through Automation.
resource "aws_ssm_maintenance_window_task" "restart" {
  window_id       = aws_ssm_maintenance_window.patch.id
  name            = "tf-restart"
  task_type       = "AUTOMATION"
  task_arn        = "AWS-RestartEC2Instance"
  priority        = 2
  max_concurrency = "1"
  max_errors      = "1"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.web.id]
  }

  task_invocation_parameters {
    automation_parameters {
      document_version = "$DEFAULT"

      parameter {
        name   = "InstanceId"
        values = ["{{RESOURCE_ID}}"]
      }
    }
  }
}

output "window_id" {
  value = aws_ssm_maintenance_window.patch.id
}

output "window_task_id" {
  value = aws_ssm_maintenance_window_task.patch.window_task_id
}

output "restart_task_id" {
  value = aws_ssm_maintenance_window_task.restart.window_task_id
}
