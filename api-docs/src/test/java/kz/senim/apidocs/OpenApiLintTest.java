package kz.senim.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lints the OpenAPI documents of the four services with Redocly CLI's recommended ruleset, in one call of
 * {@code npx @redocly/cli@<pinned> lint}. The documents are the ones each service's {@code OperationsIT}
 * (test-support's {@code ServiceOperationsContract}) wrote to {@code <service>/target/openapi/}, so this
 * module is built after the services. Any error fails; warnings are printed.
 *
 * <p>Without {@code npx} on the PATH (or when npm cannot fetch the CLI), the lint is skipped with a warning,
 * because a developer machine needs only a JDK; {@code SENIM_API_LINT=required} (set by {@code .ci/run}) makes
 * that a failure instead.
 */
class OpenApiLintTest {

    private static final List<String> SERVICES = List.of(
            "case-service", "membership-service", "training-service", "notification-service", "analytics-service");

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();

    @Test
    void every_service_document_passes_the_recommended_rules_without_errors() throws Exception {
        List<Path> documents = new ArrayList<>();
        for (String service : SERVICES) {
            Path document = ROOT.resolve(service).resolve("target/openapi/" + service + ".json");
            assertThat(document)
                    .as(
                            "%s's OpenAPI document, written by its OperationsIT: run its tests first "
                                    + "(./mvnw -pl api-docs -am verify)",
                            service)
                    .isRegularFile();
            documents.add(document);
        }
        Optional<Path> npx = onPath("npx");
        if (npx.isEmpty()) {
            cannotLint("npx (Node.js 20.19 or newer with npm) is not on the PATH");
            return;
        }

        List<String> command = new ArrayList<>(List.of(
                npx.get().toString(),
                "--yes",
                "@redocly/cli@" + System.getProperty("redocly.cli.version"),
                "lint",
                "--config",
                MODULE.resolve("redocly.yaml").toString(),
                "--format",
                "stylish",
                "--max-problems",
                "1000"));
        documents.forEach(document -> command.add(document.toString()));
        Path report = MODULE.resolve("target/redocly-lint.txt");
        Files.createDirectories(report.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        builder.environment().put("npm_config_update_notifier", "false");
        Process lint = builder.start();
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("redocly lint did not finish within 5 minutes (output in %s)", report);
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        System.out.println("redocly lint (@redocly/cli@" + System.getProperty("redocly.cli.version") + ", "
                + "recommended) of " + documents.size() + " documents:\n" + output);

        if (lint.exitValue() != 0
                && !output.contains("validated in")
                && (output.contains("npm error") || output.contains("npm ERR!"))) {
            // npx never ran the CLI: npm could not fetch it (offline, no registry)
            cannotLint("npx could not run @redocly/cli (exit " + lint.exitValue() + "):\n" + output);
            return;
        }
        assertThat(lint.exitValue())
                .as("redocly lint found errors in the OpenAPI documents:\n%s", output)
                .isZero();
    }

    private static void cannotLint(String why) {
        String message = "The OpenAPI documents were NOT linted: " + why
                + ". Install Node.js (20.19 or newer) with npm, reachable to registry.npmjs.org, to lint them "
                + "(docs/decisions.md 78).";
        if ("required".equalsIgnoreCase(System.getenv("SENIM_API_LINT"))) {
            fail(message + " SENIM_API_LINT=required makes this a failure.");
        }
        System.err.println("\n!!!!! WARNING !!!!! " + message + "\n");
        Assumptions.abort(message);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(program, program + ".cmd").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
