package kz.senim.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kz.senim.contracts.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The store's view of each event type matches the contracts: every field is either kept or knowingly dropped. */
class FactShapesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_field_of_every_used_type_is_kept_or_dropped_on_purpose() throws IOException {
        for (var shape : FactShapes.SHAPES.entrySet()) {
            assertThat(shape.getValue().known()).as(shape.getKey()).isEqualTo(fieldsOf(shape.getKey()));
        }
    }

    @Test
    void every_contracted_type_is_used_or_knowingly_not_used() throws IOException, URISyntaxException {
        URI one = EventContracts.class
                .getClassLoader()
                .getResource(EventContracts.schemaResource("kz.senim.membership.school-registered.v1"))
                .toURI();
        Set<String> contracted = new HashSet<>();
        // the contracts module is a jar in a reactor build and a folder in an IDE
        try (FileSystem jar = one.getScheme().equals("jar") ? FileSystems.newFileSystem(one, Map.of()) : null;
                Stream<Path> files = Files.list(Path.of(one).getParent())) {
            files.forEach(f -> contracted.add(f.getFileName().toString().replace(".json", "")));
        }
        Set<String> known = new HashSet<>(FactShapes.SHAPES.keySet());
        known.addAll(FactShapes.NOT_USED);

        assertThat(known).isEqualTo(contracted);
    }

    @Test
    void no_user_id_field_is_ever_kept() {
        FactShapes.SHAPES.forEach((type, shape) -> assertThat(shape.kept())
                .as(type)
                .doesNotContainAnyElementsOf(Set.of(
                        "userId",
                        "submitterId",
                        "askerId",
                        "mediatorId",
                        "interviewerId",
                        "partyId",
                        "partyUserIds",
                        "participantUserIds",
                        "guardianConsentUserIds",
                        "mediatorIds",
                        "facilitatorIds",
                        "guardianOf")));
    }

    private static Set<String> fieldsOf(String type) throws IOException {
        try (InputStream in =
                EventContracts.class.getClassLoader().getResourceAsStream(EventContracts.schemaResource(type))) {
            JsonNode schema = JSON.readTree(in);
            return new HashSet<>(schema.get("properties").propertyNames());
        }
    }
}
