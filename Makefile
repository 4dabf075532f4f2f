# The front door. The work is done by the scripts in infra/.
.PHONY: up test down status build bench demo scenarios

up:      ## start PostgreSQL, Kafka, SMTP, Keycloak and the four services; print where to reach them
	@infra/up.sh

test:    ## run every test (starts the servers the tests need)
	@infra/test.sh

down:    ## stop everything the scripts started
	@infra/down.sh

status:  ## what is running, its memory and address
	@infra/status.sh

build:   ## package the services without tests
	@infra/build.sh

bench:   ## benchmarks (bench/README.md): audit-service append vs. raw Kafka/PostgreSQL, queries on 1M entries, verify/export; timer firing (10,000 due at once, 1 and 2 instances); notification delivery to a local webhook receiver; alert intake into incidents (escalation)
	@bench/run.sh

demo:    ## scenarios 1-3 narrated against the running system (make up first); moves its clocks forward
	@infra/demo.sh

scenarios: ## the seed scenarios as tests against the running system (or one they start); moves its clocks forward
	@infra/scenarios.sh
