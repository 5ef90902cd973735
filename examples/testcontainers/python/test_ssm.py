"""The emulator in a throw-away container for a pytest module, with testcontainers-python.

    pip install testcontainers boto3 pytest
    pytest test_ssm.py

SSM_EMULATOR_IMAGE overrides the image (the repository's own test uses a locally built one).
"""
import json
import os
import urllib.request

import boto3
import pytest
from testcontainers.core.container import DockerContainer
from testcontainers.core.waiting_utils import wait_for

IMAGE = os.environ.get("SSM_EMULATOR_IMAGE", "ghcr.io/ssm-emulator/ssm-emulator:latest")


@pytest.fixture(scope="module")
def endpoint():
    container = DockerContainer(IMAGE).with_exposed_ports(4583).with_command(
        "--clock-mode frozen --clock-start 2025-01-01T00:00:00Z --log-level warn"
    )
    with container:
        url = f"http://{container.get_container_host_ip()}:{container.get_exposed_port(4583)}"

        def healthy():
            with urllib.request.urlopen(f"{url}/_emulator/health", timeout=2) as res:
                return res.status == 200

        wait_for(healthy)
        yield url


@pytest.fixture
def ssm(endpoint):
    return boto3.client(
        "ssm",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="000000000000",
        aws_secret_access_key="test",
    )


def advance(endpoint, duration):
    req = urllib.request.Request(
        f"{endpoint}/_emulator/clock/advance",
        data=json.dumps({"duration": duration}).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(req).close()


def test_parameters_round_trip(ssm):
    ssm.put_parameter(Name="/app/db-url", Value="postgres://db/app", Type="String")
    assert ssm.get_parameter(Name="/app/db-url")["Parameter"]["Value"] == "postgres://db/app"


def test_command_runs_when_the_clock_moves(ssm, endpoint):
    instance = "i-0a1b2c3d4e5f60001"
    command = ssm.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[instance], Parameters={"commands": ["echo hello"]}
    )["Command"]
    advance(endpoint, "1m")
    inv = ssm.get_command_invocation(CommandId=command["CommandId"], InstanceId=instance)
    assert inv["Status"] == "Success"
    assert inv["StandardOutputContent"] == "hello\n"
