package io.vigil.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fault run's databases, {@code <service>_faults} on the shared PostgreSQL, owned by the service's login role
 * as infra/postgres.sh provisions {@code <service>_test}: the services' own tests use those concurrently, and a run
 * that kills services mid-transaction must not share a database with them. The services wipe them at their first
 * start (Flyway clean), as ServiceProcess does for {@code _test}.
 */
final class FaultsDatabases {
    static final String SUFFIX = "_faults";
    private static final String URL = "jdbc:postgresql://127.0.0.1:55432/";
    private final Path apps = Path.of(System.getProperty("vigil.apps.dir", ".."));

    static String name(String service) {
        return service + SUFFIX;
    }

    static String jdbcUrl(String service) {
        return URL + name(service);
    }

    /** Creates the missing databases (superuser over the server's Unix socket, as infra/postgres.sh does). */
    void ensure(List<String> services) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String svc : services) {
            String db = name(svc);
            sql.append("SELECT format('CREATE DATABASE %I OWNER %I', '").append(db).append("', '").append(svc)
                    .append("') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '").append(db).append("') \\gexec\n")
                    .append("REVOKE CONNECT ON DATABASE \"").append(db).append("\" FROM PUBLIC;\n");
        }
        sql.append("GRANT CONNECT ON DATABASE \"").append(name("audit")).append("\" TO audit_app;\n");
        Path psql = Path.of(System.getProperty("vigil.pg.bin", "/usr/lib/postgresql/15/bin")).resolve("psql");
        Process p = new ProcessBuilder(psql.toString(), "-X", "-q", "-h", apps.resolve(".vigil/pgsock").toString(),
                "-p", "55432", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(sql.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("creating the " + SUFFIX + " databases failed: " + out);
        }
    }

    /** Rows of a query on a service's database, each as its columns' text. */
    static List<List<String>> rows(String service, String query) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(service), service, "vigil-dev");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + query, e);
        }
    }

    static List<String> column(String service, String query) {
        return rows(service, query).stream().map(r -> r.get(0)).toList();
    }

    static long count(String service, String query) {
        return Long.parseLong(column(service, query).get(0));
    }

    /** infra/postgres.sh stop|start: the shared server, so only when the run is told it may. */
    void postgres(String command) throws Exception {
        Process p = new ProcessBuilder(apps.resolve("infra/postgres.sh").toString(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("infra/postgres.sh " + command + " failed");
        }
    }
}
