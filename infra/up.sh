#!/usr/bin/env bash
# make up: the whole local system — PostgreSQL, Kafka, SMTP, Keycloak, Alertmanager, then the four services, then
# Prometheus — and where to reach it. Alertmanager and Prometheus are Debian's packages, installed when missing (root).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
t0=$SECONDS
"$INFRA/infra.sh" start
"$INFRA/alertmanager.sh" start
"$INFRA/build.sh"
"$INFRA/services.sh" start
"$INFRA/roster.sh"   # the realm's users as people, an on-call rotation from this week on (idempotent)
"$INFRA/prometheus.sh" start
cat <<TXT

Vigil is up ($((SECONDS - t0)) s). Local development only: dev users, dev passwords, clock control on.

Services (OpenAPI UI at /q/swagger-ui, health at /q/health, metrics at /q/metrics):
  ownership-service     http://127.0.0.1:8081   deploys, owners, on-call
  escalation-service    http://127.0.0.1:8082   alerts, incidents, kill switches
  notification-service  http://127.0.0.1:8083   messages to people
  audit-service         http://127.0.0.1:8084   the verifiable log (roles auditor, admin)
  Roster: the realm's users are people; oncall-1 … oncall-4 rotate weekly (GET /oncall/now, /oncall/schedule).
  Clock control is ON: GET /admin/clock, POST /admin/clock/advance {"by":"PT15M"} (role admin) on each service.

Keycloak     http://127.0.0.1:$VIGIL_KEYCLOAK_PORT  realm vigil; admin console http://127.0.0.1:$VIGIL_KEYCLOAK_PORT/admin (admin / admin)
  users (password vigil-dev): engineer ingestion-owner sre-lead database-owner product-manager
                              support-lead auditor admin oncall-1 oncall-2 oncall-3 oncall-4
  clients: vigil-cli (public, password grant), vigil-console (public, code + PKCE),
           ci-publisher (client credentials, secret ci-publisher-secret, role event-publisher)
  a token:  curl -s -d grant_type=password -d client_id=vigil-cli -d username=engineer -d password=vigil-dev \\
              http://127.0.0.1:$VIGIL_KEYCLOAK_PORT/realms/vigil/protocol/openid-connect/token
Kafka        127.0.0.1:$VIGIL_KAFKA_PORT (topics vigil.deploys, vigil.roster, vigil.ownership, vigil.alerts, vigil.incidents,
             vigil.killswitch, vigil.notifications, vigil.dead-letter)
PostgreSQL   127.0.0.1:$VIGIL_PG_PORT, one database and login role per service (ownership, escalation,
             notification, audit), password vigil-dev
SMTP         127.0.0.1:$VIGIL_SMTP_PORT (GreenMail; received mail at http://127.0.0.1:$VIGIL_SMTP_API_PORT)
Alertmanager http://127.0.0.1:$VIGIL_ALERTMANAGER_PORT  every alert group goes to escalation-service (POST /integrations/alertmanager,
             basic auth $VIGIL_ALERTMANAGER_USERNAME / $VIGIL_ALERTMANAGER_SECRET); raise one:
  curl -s -H 'Content-Type: application/json' http://127.0.0.1:$VIGIL_ALERTMANAGER_PORT/api/v2/alerts \\
    -d '[{"labels":{"alertname":"HighErrorRate","service":"checkout","severity":"P1"},"annotations":{"summary":"5xx above 10 %"}}]'
  then GET http://127.0.0.1:8082/incidents (any signed-in user) shows the incident
Prometheus   http://127.0.0.1:$VIGIL_PROMETHEUS_PORT  scrapes the services' /q/metrics and Alertmanager; queries in README.md ("Monitoring in front")

Logs: $VIGIL_STATE/logs   Status: make status   Stop everything: make down
TXT
