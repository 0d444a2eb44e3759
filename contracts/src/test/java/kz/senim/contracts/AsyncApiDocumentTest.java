package kz.senim.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI document names every schema in contracts/, and every schema it names exists. */
class AsyncApiDocumentTest {

    @Test
    void every_event_schema_is_a_message_of_the_asyncapi_document_and_the_other_way_round() throws Exception {
        String document = resource("contracts/asyncapi.yaml");
        Matcher names = Pattern.compile("name: (kz\\.senim\\.[a-z0-9.-]+)").matcher(document);
        List<String> messages = names.results().map(m -> m.group(1)).sorted().toList();

        assertThat(messages).isNotEmpty().containsExactlyElementsOf(schemaTypes());
        for (String type : messages) {
            assertThat(document).contains("$ref: 'schemas/" + type + ".json'");
        }
    }

    @Test
    void every_schema_id_matches_its_file_and_the_dataschema_header() throws Exception {
        for (String type : schemaTypes()) {
            assertThat(resource(EventContracts.schemaResource(type)))
                    .contains("\"$id\": \"https://senim.kz/contracts/schemas/" + type + ".json\"");
        }
    }

    /**
     * The evolution rule (docs/events.md): v1 changes are additive and consumers ignore unknown fields, so no
     * published schema may close an object to fields it does not know yet; each says so explicitly.
     */
    @Test
    void every_published_schema_leaves_every_object_open_to_additive_fields() throws Exception {
        for (String type : schemaTypes()) {
            assertOpen(type, "", EventContracts.tree(type));
        }
    }

    private static void assertOpen(String type, String path, JsonNode node) {
        if (node.isObject() && node.has("properties")) {
            assertThat(node.path("additionalProperties").isBoolean()
                            && node.path("additionalProperties").booleanValue())
                    .as(type + path + ": \"additionalProperties\": true")
                    .isTrue();
            assertThat(node.has("unevaluatedProperties"))
                    .as(type + path + " has no unevaluatedProperties")
                    .isFalse();
        }
        for (var child : node.properties()) {
            assertOpen(type, path + "/" + child.getKey(), child.getValue());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertOpen(type, path + "/" + i, node.get(i));
            }
        }
    }

    private static List<String> schemaTypes() throws IOException, URISyntaxException {
        Path folder = Path.of(AsyncApiDocumentTest.class
                .getClassLoader()
                .getResource("contracts/schemas")
                .toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
