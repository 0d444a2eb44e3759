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
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of Senim's events, one per CloudEvents type, in
 * {@code contracts/schemas/<ce_type>.json}; and validation of a real payload against them
 * (JSON Schema 2020-12, formats asserted).
 *
 * <p>Two readings of one schema (docs/events.md, "Rules"):
 *
 * <ul>
 *   <li>As published, for <b>consumers</b> ({@link #consumerViolations}): every object says
 *       {@code "additionalProperties": true}, so a payload with a field a later additive v1 change adds still
 *       validates.
 *   <li><b>Strict</b>, for <b>producers'</b> own contract tests ({@link #violations}, {@link #assertConforms}): the
 *       same schema with every {@code "additionalProperties": true} read as {@code false}, so a producer cannot
 *       send a field its schema does not declare (a field is added to the schema first, in the same change).
 * </ul>
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Two registries: the published and the strict schema share their $id, which a registry may cache by.
    private static final SchemaRegistry PUBLISHED_REGISTRY = registry();
    private static final SchemaRegistry STRICT_REGISTRY = registry();
    private static final Map<String, Schema> PUBLISHED = new ConcurrentHashMap<>();
    private static final Map<String, Schema> STRICT = new ConcurrentHashMap<>();

    private EventContracts() {}

    /** The classpath location of the schema of a CloudEvents type. */
    public static String schemaResource(String type) {
        return "contracts/schemas/" + type + ".json";
    }

    /** The schema of the type as published (open to additive fields); fails when the contract does not exist. */
    public static Schema schema(String type) {
        return PUBLISHED.computeIfAbsent(type, t -> PUBLISHED_REGISTRY.getSchema(tree(t)));
    }

    /** The schema of the type as its producer is held to: no field it does not declare. */
    public static Schema strictSchema(String type) {
        return STRICT.computeIfAbsent(type, t -> STRICT_REGISTRY.getSchema(closed(tree(t))));
    }

    /**
     * Every violation of the type's strict schema by the payload (what a producer may send: the declared fields
     * only); empty when it conforms.
     */
    public static List<String> violations(String type, byte[] payload) {
        return violations(strictSchema(type), payload);
    }

    /**
     * Every violation of the type's published schema by the payload, as a consumer validating with the published
     * schemas sees it: unknown fields are accepted.
     */
    public static List<String> consumerViolations(String type, byte[] payload) {
        return violations(schema(type), payload);
    }

    /** Throws an {@link AssertionError} listing every violation of the strict schema, for producers' tests. */
    public static void assertConforms(String type, byte[] payload) {
        List<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError("Payload of " + type + " breaks its contract: " + violations + "\n"
                    + new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static List<String> violations(Schema schema, byte[] payload) {
        JsonNode data;
        try {
            data = JSON.readTree(payload);
        } catch (JacksonException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(data).stream().map(Error::toString).toList();
    }

    private static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
    }

    /** The schema's JSON as published. */
    static JsonNode tree(String type) {
        String resource = schemaResource(type);
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract for event type " + type + " (" + resource + ")");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy in which every {@code "additionalProperties": true} is {@code false}. */
    private static JsonNode closed(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && additional.booleanValue()) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
        }
        for (JsonNode child : node) {
            close(child);
        }
    }
}
