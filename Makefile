# The front door. The work is done by the scripts in infra/.
.PHONY: up test down status build bench

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
