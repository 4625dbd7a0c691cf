package io.warmy.app;

import io.helidon.logging.common.LogConfig;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.app.cli.Listen;
import io.warmy.app.cli.Simulate;
import io.warmy.app.cli.Trigger;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.domain.common.DomainException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The {@code warmy} command line: {@code serve} (the default), {@code migrate} and {@code keys}. */
@Command(name = "warmy", mixinStandardHelpOptions = true, version = "warmy 0.1.0",
        description = "Warmy: the REST API, webhooks and internal gRPC API of an email-warmup platform.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.Keys.class, Trigger.class, Listen.class, Simulate.class})
public final class Main implements Callable<Integer> {

    /** Exit codes scripts can rely on. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: ./warmy.yaml when present).")
    Path configFile;

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        String format = System.getenv().getOrDefault("WARMY_LOG_FORMAT", "json");
        switch (format) {
            case "json" -> { }
            case "text" -> {
                for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
                    h.setFormatter(new java.util.logging.SimpleFormatter());
                }
            }
            default -> {
                System.err.println("warmy: WARMY_LOG_FORMAT must be json or text, not '" + format + "'.");
                System.exit(USAGE);
            }
        }
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("warmy: " + message(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    /** With no subcommand, serve. */
    @Override
    public Integer call() throws Exception {
        return new Serve(this).call();
    }

    WarmyConfig config() {
        return WarmyConfig.load(Optional.ofNullable(configFile), System.getenv());
    }

    static String message(Throwable e) {
        if (e instanceof DomainException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e && root.getMessage() != null ? " (" + root.getMessage() + ")" : "");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the REST API and the gRPC API until stopped (Ctrl-C).")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        Main parent;

        Serve() {
        }

        Serve(Main parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() throws InterruptedException {
            WarmyConfig config = parent.config();
            Warmy warmy = Warmy.start(config, Clock.system());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                warmy.close();
                stopped.countDown();
            }, "warmy-shutdown"));
            warmy.provisioning().bootstrapIfEmpty().ifPresent(Main::printBootstrap);
            System.out.printf("Warmy is serving: REST on http://localhost:%d/api/v1, gRPC on %s:%d (%s).%n",
                    warmy.httpPort(), config.grpcHost(), warmy.grpcPort(),
                    config.dbUrl().isPresent() ? "MySQL" : "embedded H2 in " + config.dataDir().toAbsolutePath().normalize());
            System.out.flush();
            stopped.await();
            return OK;
        }
    }

    static void printBootstrap(ProvisionWorkspace.Bootstrap b) {
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf("%nFirst start: created workspace '%s' (%s).%n", b.workspace().name(), b.workspace().id());
        out.println("Its admin API keys are shown this once; store them now:");
        for (CreateApiKey.Issued issued : b.keys()) {
            out.printf("  %-8s %s%n", issued.key().mode().wireName() + ":", issued.secret());
        }
        out.println();
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the database migrations and exit (serve applies them too).")
    static final class Migrate implements Callable<Integer> {

        @ParentCommand
        Main parent;

        @Override
        public Integer call() {
            int applied = PersistenceAdapter.migrate(Warmy.databaseSettings(parent.config()));
            System.out.println(applied == 0 ? "Database is up to date." : "Applied " + applied + " migration(s).");
            return OK;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys (operator, database access).",
            subcommands = {Keys.Create.class, Keys.ListKeys.class, Keys.Revoke.class})
    static final class Keys {

        @ParentCommand
        Main parent;

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create an API key and print it (only the key) on standard output.")
        static final class Create implements Callable<Integer> {

            @ParentCommand
            Keys keys;

            @Option(names = "--workspace", required = true, paramLabel = "NAME",
                    description = "Workspace name; created when there is none of that name.")
            String workspace;

            @Option(names = "--sandbox", description = "A sandbox key (wk_test_…) instead of a live one.")
            boolean sandbox;

            @Option(names = "--admin", description = "The key may manage the workspace's API keys.")
            boolean admin;

            @Option(names = "--name", paramLabel = "TEXT", defaultValue = "Operator key",
                    description = "A name to recognise the key by (default: ${DEFAULT-VALUE}).")
            String name;

            @Override
            public Integer call() {
                try (PersistenceAdapter db = PersistenceAdapter.open(Warmy.databaseSettings(keys.parent.config()))) {
                    CreateApiKey.Issued issued = Warmy.Services.on(db, Clock.system()).tenancy()
                            .issueKey(workspace, name, sandbox ? Mode.SANDBOX : Mode.LIVE, admin);
                    System.out.println(issued.secret());
                    return OK;
                }
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "List a workspace's API keys (both modes, newest first); never their secrets.")
        static final class ListKeys implements Callable<Integer> {

            @ParentCommand
            Keys keys;

            @Option(names = "--workspace", required = true, paramLabel = "NAME", description = "Workspace name.")
            String workspace;

            @Override
            public Integer call() {
                try (PersistenceAdapter db = PersistenceAdapter.open(Warmy.databaseSettings(keys.parent.config()))) {
                    List<ApiKey> all = Warmy.Services.on(db, Clock.system()).tenancy().keysOf(workspace);
                    String format = "%-30s  %-12s  %-8s  %-5s  %-24s  %-24s  %-24s  %s%n";
                    System.out.printf(format, "ID", "PREFIX", "MODE", "ADMIN", "CREATED", "LAST USED", "REVOKED", "NAME");
                    for (ApiKey k : all) {
                        System.out.printf(format, k.id().value(), k.prefix(), k.mode().wireName(), k.admin() ? "yes" : "no",
                                k.createdAt(), k.lastUsedAt() == null ? "-" : k.lastUsedAt(),
                                k.revokedAt() == null ? "-" : k.revokedAt(), k.name());
                    }
                    return OK;
                } catch (NotFoundException e) {
                    System.err.println("warmy: there is no workspace named '" + workspace + "'.");
                    return FAILED;
                }
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true,
                description = "Revoke an API key: every node refuses it within 5 s. Revoking twice keeps the first time.")
        static final class Revoke implements Callable<Integer> {

            @ParentCommand
            Keys keys;

            @Option(names = "--workspace", required = true, paramLabel = "NAME", description = "Workspace name.")
            String workspace;

            @Parameters(paramLabel = "KEY_ID", description = "The key's id (key_…), as `warmy keys list` shows it.")
            String keyId;

            @Override
            public Integer call() {
                try (PersistenceAdapter db = PersistenceAdapter.open(Warmy.databaseSettings(keys.parent.config()))) {
                    ApiKey revoked = Warmy.Services.on(db, Clock.system()).tenancy().revokeKey(workspace, keyId);
                    System.out.println("Revoked " + revoked.id().value() + " (" + revoked.prefix() + "…, " + revoked.name()
                            + ") at " + revoked.revokedAt() + ".");
                    return OK;
                } catch (NotFoundException e) {
                    System.err.println("warmy: " + (e.code().equals("workspace_not_found")
                            ? "there is no workspace named '" + workspace + "'."
                            : "workspace '" + workspace + "' has no API key " + keyId + "."));
                    return FAILED;
                }
            }
        }
    }
}
