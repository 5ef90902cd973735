# Resource Groups through Terraform: a tag-query group with tags, and a service-linked group with a
# configuration (a capacity-reservation pool), which the provider reads back with GetGroupConfiguration.
resource "aws_resourcegroups_group" "web" {
  name        = "tf-web"
  description = "web servers"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::EC2::Instance"]
      TagFilters          = [{ Key = "Role", Values = ["web"] }]
    })
  }
  tags = { Owner = "terraform" }
}

resource "aws_resourcegroups_group" "pool" {
  name = "tf-pool"
  configuration {
    type = "AWS::EC2::CapacityReservationPool"
  }
  configuration {
    type = "AWS::ResourceGroups::Generic"
    parameters {
      name   = "allowed-resource-types"
      values = ["AWS::EC2::CapacityReservation"]
    }
  }
}

output "web_group_arn" {
  value = aws_resourcegroups_group.web.arn
}
