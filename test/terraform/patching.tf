# Patch Manager through Terraform: a custom baseline with every kind of member, registered for a
# patch group and as its OS's default; the data source reading AWS's predefined baseline.
resource "aws_ssm_patch_baseline" "al2023" {
  name                                 = "tf-al2023-prod"
  description                          = "Amazon Linux 2023 production servers"
  operating_system                     = "AMAZON_LINUX_2023"
  approved_patches                     = ["openssl-libs.x86_64"]
  approved_patches_compliance_level    = "HIGH"
  approved_patches_enable_non_security = false
  rejected_patches                     = ["kernel-6.1.*"]
  rejected_patches_action              = "BLOCK"

  global_filter {
    key    = "PRODUCT"
    values = ["AmazonLinux2023"]
  }

  approval_rule {
    approve_after_days  = 7
    compliance_level    = "CRITICAL"
    enable_non_security = false
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
    patch_filter {
      key    = "SEVERITY"
      values = ["Critical", "Important"]
    }
  }

  approval_rule {
    approve_until_date = "2026-06-30"
    compliance_level   = "LOW"
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Bugfix"]
    }
  }

  source {
    name          = "internal-mirror"
    products      = ["AmazonLinux2023"]
    configuration = "[internal-mirror]\nname=Internal mirror\nbaseurl=https://mirror.example.com/al2023\nenabled=1"
  }

  tags = { Owner = "terraform" }
}

resource "aws_ssm_patch_baseline" "windows" {
  name             = "tf-windows"
  operating_system = "WINDOWS"
  approval_rule {
    approve_after_days = 3
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["CriticalUpdates", "SecurityUpdates"]
    }
    patch_filter {
      key    = "MSRC_SEVERITY"
      values = ["Critical", "Important"]
    }
  }
}

resource "aws_ssm_patch_group" "web" {
  baseline_id = aws_ssm_patch_baseline.al2023.id
  patch_group = "tf-web"
}

resource "aws_ssm_default_patch_baseline" "al2023" {
  baseline_id      = aws_ssm_patch_baseline.al2023.id
  operating_system = aws_ssm_patch_baseline.al2023.operating_system
}

data "aws_ssm_patch_baseline" "aws_ubuntu" {
  owner            = "AWS"
  name_prefix      = "AWS-Ubuntu"
  operating_system = "UBUNTU"
}

output "patch_baseline_id" {
  value = aws_ssm_patch_baseline.al2023.id
}

output "patch_baseline_arn" {
  value = aws_ssm_patch_baseline.al2023.arn
}

output "aws_ubuntu_baseline" {
  value = {
    id          = data.aws_ssm_patch_baseline.aws_ubuntu.id
    name        = data.aws_ssm_patch_baseline.aws_ubuntu.name
    description = data.aws_ssm_patch_baseline.aws_ubuntu.description
    default     = data.aws_ssm_patch_baseline.aws_ubuntu.default_baseline
    priority    = data.aws_ssm_patch_baseline.aws_ubuntu.approval_rule[0].patch_filter[1].values
  }
}
