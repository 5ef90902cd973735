# A service setting through Terraform: aws_ssm_service_setting updates it, reads it back by ARN, and
# resets it on destroy.
resource "aws_ssm_service_setting" "throughput" {
  setting_id    = "arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/high-throughput-enabled"
  setting_value = "true"
}
