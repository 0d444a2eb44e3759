package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test of the repository is named as a rule in words, in snake case ({@code docs/conventions.md}): this
 * reads the test sources of every module, since ArchUnit sees compiled classes of one module at a time.
 */
class TestNamesTest {

    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(?:Test|ParameterizedTest|RepeatedTest)\\b[^\\n]*\\n(?:\\s*@[^\\n]*\\n)*\\s*(?:public\\s+|protected\\s+)?"
                    + "void\\s+(\\w+)\\s*\\(");
    private static final Pattern RULE_IN_WORDS = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @Test
    void every_test_method_of_the_repository_is_named_in_snake_case() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the repository's root").exists();
        List<String> misnamed = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(TestNamesTest::isTestSource).toList()) {
                Matcher method = TEST_METHOD.matcher(read(file));
                while (method.find()) {
                    seen++;
                    if (!RULE_IN_WORDS.matcher(method.group(1)).matches()) {
                        misnamed.add(root.relativize(file) + ": " + method.group(1));
                    }
                }
            }
        }
        assertThat(seen).as("test methods found").isGreaterThan(500);
        assertThat(misnamed).as("test methods not named in snake case").isEmpty();
    }

    private static boolean isTestSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java")
                && path.contains("/src/test/java/")
                && !path.contains("/target/")
                && !path.contains("/.git/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
