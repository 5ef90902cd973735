# Inventory through Terraform: a resource data sync to S3 (recorded only: the emulator has no S3).
resource "aws_ssm_resource_data_sync" "inventory" {
  name = "tf-inventory-sync"

  s3_destination {
    bucket_name = "tf-inventory-bucket"
    region      = "us-east-1"
    prefix      = "inventory"
  }
}
