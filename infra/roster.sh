#!/usr/bin/env bash
# Seeds the roster of the local system (run by make up once the services are ready): the realm's users as people,
# each with the role of its name (oncall-1 … oncall-4: engineer), and an on-call rotation of oncall-1 … oncall-4 for
# the current week and the next 8, so a fresh system has someone on call from its first minute.
# Idempotent: a person described as they are decides nothing, and weeks already scheduled are left as they are.
# Usage: infra/roster.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OWNERSHIP="http://127.0.0.1:$(service_port ownership)"
WEEKS=9
# username|display name (as in infra/keycloak/vigil-realm.json)|role
PEOPLE="engineer|Erin Engineer|engineer
ingestion-owner|Ingestion Owner|ingestion-owner
sre-lead|Sre Lead|sre-lead
database-owner|Database Owner|database-owner
product-manager|Product Manager|product-manager
support-lead|Support Lead|support-lead
auditor|Audrey Auditor|auditor
admin|Ada Admin|admin
oncall-1|Oncall 1|engineer
oncall-2|Oncall 2|engineer
oncall-3|Oncall 3|engineer
oncall-4|Oncall 4|engineer"

token() {
  local body
  body=$(curl -fsS -d grant_type=password -d client_id=vigil-cli -d username=admin -d password=vigil-dev \
    "http://127.0.0.1:$VIGIL_KEYCLOAK_PORT/realms/vigil/protocol/openid-connect/token") \
    || die "no admin token from Keycloak on port $VIGIL_KEYCLOAK_PORT"
  printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# call METHOD PATH [JSON]: prints the body; fails naming the status and the problem+json detail
call() {
  local out status
  out=$(curl -sS -o - -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "$OWNERSHIP$2")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  case "$status" in 2??) printf '%s' "$out" ;; *) die "$1 $2 answered $status: $out" ;; esac
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -1; }

TOKEN=$(token)
[ -n "$TOKEN" ] || die "the Keycloak answer held no access_token"

while IFS='|' read -r user name role; do
  call PUT "/people/$user" "{\"name\":\"$name\",\"email\":\"$user@vigil.local\",\"timeZone\":\"Europe/Berlin\",\"roles\":[\"$role\"]}" >/dev/null
done <<<"$PEOPLE"
log "roster: $(printf '%s\n' "$PEOPLE" | wc -l) people registered"

# The week holding the service's own clock (clock control may have moved it) in the policy's handover zone.
zone=$(call GET /policy | sed -n 's/.*"oncall":{"rotation":{[^}]*"zone":"\([^"]*\)".*/\1/p')
zone=${zone:-Europe/Berlin}
now=$(call GET /admin/clock 2>/dev/null | json_field now || true)
now=${now:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
local_day=$(TZ="$zone" date -d "$now" +%F)
local_hm=$(TZ="$zone" date -d "$now" +%H%M)
dow=$(date -d "$local_day" +%u) # 1 = Monday
monday=$(date -d "$local_day - $((dow - 1)) days" +%F)
if [ "$dow" = 1 ] && [ "$local_hm" -lt 0900 ]; then monday=$(date -d "$monday - 7 days" +%F); fi

last=$(date -d "$monday + $((WEEKS * 7)) days" +%F)
scheduled=$(call GET "/oncall/schedule?from=$(TZ="$zone" date -u -d "TZ=\"$zone\" $monday 09:00" +%Y-%m-%dT%H:%M:%SZ)&to=$(TZ="$zone" date -u -d "TZ=\"$zone\" $last 09:00" +%Y-%m-%dT%H:%M:%SZ)")
added=0
for ((i = 0; i < WEEKS; i++)); do
  week=$(date -d "$monday + $((i * 7)) days" +%F)
  if printf '%s' "$scheduled" | grep -q "\"weekStart\":\"$week\""; then continue; fi
  # the pair follows the week's number, so a later make up continues the same pattern
  n=$(( ($(date -ud "$week" +%s) / 604800) % 4 ))
  call PUT "/oncall/rotations/$week" "{\"primary\":\"oncall-$((n + 1))\",\"secondary\":\"oncall-$(((n + 1) % 4 + 1))\"}" >/dev/null
  added=$((added + 1))
done
log "roster: on-call rotation $monday … $(date -d "$last - 1 day" +%F) in $zone ($added weeks added); now: $(call GET /oncall/now)"
