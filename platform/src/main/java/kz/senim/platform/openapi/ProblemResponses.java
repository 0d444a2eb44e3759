package kz.senim.platform.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Adds the error answers a client can get to every operation, as {@code application/problem+json} with the
 * shared {@code Problem} schema: 400 where there is something to validate, 401 and 403 unless the operation
 * is {@link Anonymous}, 404 for a path with variables, 409 for commands, 412 where {@code If-Match} is taken,
 * 413 where there is a body, and the gateway's 429 and 503 everywhere. A 4xx answer an operation documents
 * itself ({@code @ApiResponse(responseCode = "404", description = …)}) keeps its description, and its content
 * becomes the problem's (springdoc would give it the operation's own media type; every error of the platform
 * is a problem). Each shared answer is a {@code components.responses} entry, added only when used.
 */
final class ProblemResponses implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<PathItem.HttpMethod> COMMANDS = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private record Answer(String code, String name, String description, boolean retryAfter) {}

    private static final Answer BAD_REQUEST = new Answer(
            "400",
            "BadRequest",
            "The request is not valid: a validation problem lists every field, parameter or header in error in "
                    + "`errors`.",
            false);
    private static final Answer UNAUTHORIZED = new Answer(
            "401", "Unauthorized", "No token, or a token that is not valid (expired, not of the realm).", false);
    private static final Answer FORBIDDEN = new Answer(
            "403",
            "Forbidden",
            "The caller's roles do not allow this; a command refused because of who gives it says why in `reason`.",
            false);
    private static final Answer NOT_FOUND = new Answer(
            "404",
            "NotFound",
            "Not found, or not the caller's to see: an object of another school answers 404, never 403.",
            false);
    private static final Answer CONFLICT = new Answer(
            "409",
            "Conflict",
            "Refused in the current state by a rule named in `reason`, or an `Idempotency-Key` still in use by "
                    + "another request.",
            false);
    private static final Answer PRECONDITION_FAILED = new Answer(
            "412", "PreconditionFailed", "`If-Match` names an older version: read it again, then retry.", false);
    private static final Answer PAYLOAD_TOO_LARGE =
            new Answer("413", "PayloadTooLarge", "The body is larger than the gateway accepts for this call.", false);
    private static final Answer TOO_MANY_REQUESTS = new Answer(
            "429",
            "TooManyRequests",
            "Too many calls from this caller (the gateway's rate limits); `Retry-After` says when to try again.",
            true);
    private static final Answer SERVICE_UNAVAILABLE = new Answer(
            "503",
            "ServiceUnavailable",
            "The service cannot be reached now (the gateway's answer); `Retry-After` says when to try again.",
            true);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Answer> used = new LinkedHashMap<>();
        boolean ownProblems = false;
        for (var path : openApi.getPaths().entrySet()) {
            for (var entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                for (var own : operation.getResponses().entrySet()) {
                    ApiResponse response = own.getValue();
                    if (own.getKey().startsWith("4") && response.get$ref() == null) {
                        response.setContent(problemContent());
                        ownProblems = true;
                    }
                }
                for (Answer answer : answersOf(path.getKey(), entry.getKey(), operation)) {
                    if (!operation.getResponses().containsKey(answer.code())) {
                        operation.getResponses().addApiResponse(answer.code(), new ApiResponse().$ref(answer.name()));
                        used.put(answer.name(), answer);
                    }
                }
                sortByCode(operation);
            }
        }
        if (used.isEmpty() && !ownProblems) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(Problem.class);
        schemas.forEach(components::addSchemas);
        used.values().stream()
                .sorted(Comparator.comparing(Answer::code))
                .forEach(answer -> components.addResponses(answer.name(), response(answer)));
    }

    private static List<Answer> answersOf(String path, PathItem.HttpMethod method, Operation operation) {
        boolean anonymous =
                operation.getSecurity() != null && operation.getSecurity().isEmpty();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        var answers = new java.util.ArrayList<Answer>();
        if (body || !parameters.isEmpty()) {
            answers.add(BAD_REQUEST);
        }
        if (!anonymous) {
            answers.add(UNAUTHORIZED);
            answers.add(FORBIDDEN);
        }
        if (path.contains("{")) {
            answers.add(NOT_FOUND);
        }
        if (COMMANDS.contains(method)) {
            answers.add(CONFLICT);
        }
        if (parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
            answers.add(PRECONDITION_FAILED);
        }
        if (body) {
            answers.add(PAYLOAD_TOO_LARGE);
        }
        answers.add(TOO_MANY_REQUESTS);
        answers.add(SERVICE_UNAVAILABLE);
        return answers;
    }

    private static ApiResponse response(Answer answer) {
        ApiResponse response =
                new ApiResponse().description(answer.description()).content(problemContent());
        if (answer.retryAfter()) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before calling again")
                            .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)));
        }
        return response;
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static void sortByCode(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.setExtensions(operation.getResponses().getExtensions());
        operation.setResponses(sorted);
    }
}
