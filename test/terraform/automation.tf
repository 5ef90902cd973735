# An Automation runbook and a change calendar managed by Terraform.
resource "aws_ssm_document" "nap" {
  name            = "tf-nap"
  document_type   = "Automation"
  document_format = "YAML"
  content         = <<-DOC
    schemaVersion: '0.3'
    description: Sleeps, then says how long
    parameters:
      Seconds:
        type: String
        default: PT5S
    mainSteps:
      - name: nap
        action: aws:sleep
        inputs:
          Duration: '{{ Seconds }}'
  DOC
}

# Closed by default: open only during its events (none here).
resource "aws_ssm_document" "freeze" {
  name            = "tf-freeze"
  document_type   = "ChangeCalendar"
  document_format = "TEXT"
  content         = <<-ICS
    BEGIN:VCALENDAR
    PRODID:-//AWS//Change Calendar 1.0//EN
    VERSION:2.0
    X-CALENDAR-TYPE:DEFAULT_CLOSED
    X-WR-CALDESC:managed by terraform
    END:VCALENDAR
  ICS
}
