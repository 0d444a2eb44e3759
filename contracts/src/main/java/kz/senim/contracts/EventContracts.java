package kz.senim.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of Senim's events, one per CloudEvents type, in
 * {@code contracts/schemas/<ce_type>.json}; and validation of a real payload against them
 * (JSON Schema 2020-12, formats asserted), for producers' tests.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {}

    /** The classpath location of the schema of a CloudEvents type. */
    public static String schemaResource(String type) {
        return "contracts/schemas/" + type + ".json";
    }

    /** The schema of the type; fails when the contract does not exist. */
    public static Schema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, EventContracts::load);
    }

    /** Every violation of the type's schema by the payload; empty when it conforms. */
    public static List<String> violations(String type, byte[] payload) {
        JsonNode data;
        try {
            data = JSON.readTree(payload);
        } catch (JacksonException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        return schema(type).validate(data).stream().map(Error::toString).toList();
    }

    /** Throws an {@link AssertionError} listing every violation, for tests. */
    public static void assertConforms(String type, byte[] payload) {
        List<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError("Payload of " + type + " breaks its contract: " + violations + "\n"
                    + new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static Schema load(String type) {
        String resource = schemaResource(type);
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract for event type " + type + " (" + resource + ")");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
