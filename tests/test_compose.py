"""docker-compose.yml runs several replicas on PostgreSQL behind a proxy as the README says: two replicas in webhook
mode on one database, PostgreSQL reachable by them only, the proxy on the host's loopback sending Telegram's calls
to both, and every secret from the env file (no container engine is needed to check this; scripts/docker-check and
a real `docker compose up` are for maintainers)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

COMPOSE = ROOT / "docker-compose.yml"


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


def test_two_replicas_run_the_webhook_on_one_postgresql_database() -> None:
    services = compose()["services"]
    replicas = {name: service for name, service in services.items() if service.get("command") == ["run", "--webhook"]}
    assert len(replicas) == 2
    for service in replicas.values():
        assert service["environment"]["KANEBOT_DB"].startswith("postgresql://kanebot:${POSTGRES_PASSWORD")
        assert service["environment"]["KANEBOT_DB"].endswith("@postgres:5432/kanebot")
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert "ports" not in service  # reached through the proxy only
    upstream = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert sorted(re.findall(r"server (\S+):8443", upstream)) == sorted(replicas)
    assert "non_idempotent" in upstream  # a call a replica did not take goes to the other


def test_the_database_is_not_exposed_and_the_proxy_listens_on_loopback_only() -> None:
    data = compose()
    postgres = data["services"]["postgres"]
    assert "ports" not in postgres and "expose" not in postgres
    assert postgres["networks"] == ["database"] and data["networks"]["database"]["internal"] is True
    proxy = data["services"]["proxy"]
    assert all(str(port).startswith("127.0.0.1:") for port in proxy["ports"])
    assert "database" not in proxy["networks"]
    published = [name for name, service in data["services"].items() if "ports" in service]
    assert published == ["proxy"]


def test_every_secret_comes_from_the_env_file_the_example_shows() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    example = (ROOT / "replicas.env.example").read_text(encoding="utf-8")
    shown = set(re.findall(r"^#? ?([A-Z_]+)=", example, flags=re.MULTILINE))
    assert used <= shown, used - shown
    assert {"TELEGRAM_BOT_TOKEN", "KANEBOT_WEBHOOK_SECRET", "POSTGRES_PASSWORD"} <= used
    assert not re.search(r"\d{6,}:[A-Za-z0-9_-]{30,}", text)  # no token written into the file
    assert "replicas.env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_image_keeps_its_heartbeat_where_it_can_write_with_either_database() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "KANEBOT_HEARTBEAT=/data/heartbeat" in dockerfile and 'VOLUME ["/data"]' in dockerfile


def test_the_proxy_passes_only_the_webhooks_path() -> None:
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    example = (ROOT / "replicas.env.example").read_text(encoding="utf-8")
    path = re.search(r"KANEBOT_WEBHOOK_URL=https://[^/]+(/\S*)", example)
    assert path is not None and f"location = {path.group(1)} " in conf
    assert "return 404" in conf and "client_max_body_size 1m" in conf
