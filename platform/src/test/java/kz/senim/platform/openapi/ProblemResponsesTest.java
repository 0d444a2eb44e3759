package kz.senim.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void a_command_on_an_object_lists_every_answer_it_can_get_as_shared_problems() {
        Operation command = new Operation()
                .addParametersItem(new HeaderParameter().name("If-Match"))
                .requestBody(new RequestBody())
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        OpenAPI api = api("/api/cases/{id}/triage", new PathItem().post(command));

        new ProblemResponses().customise(api);

        assertThat(command.getResponses())
                .containsOnlyKeys("200", "400", "401", "403", "404", "409", "412", "413", "429", "503");
        assertThat(command.getResponses().get("409").get$ref()).isEqualTo("#/components/responses/Conflict");
        ApiResponse conflict = api.getComponents().getResponses().get("Conflict");
        assertThat(conflict.getContent()
                        .get("application/problem+json")
                        .getSchema()
                        .get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getResponses().get("TooManyRequests").getHeaders())
                .containsKey("Retry-After");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
    }

    @Test
    void an_anonymous_read_without_input_has_neither_401_403_nor_400_and_unused_answers_are_not_declared() {
        Operation read = new Operation()
                .security(new ArrayList<>())
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        OpenAPI api = api("/api/public", new PathItem().get(read));

        new ProblemResponses().customise(api);

        assertThat(read.getResponses()).containsOnlyKeys("200", "429", "503");
        assertThat(api.getComponents().getResponses()).containsOnlyKeys("TooManyRequests", "ServiceUnavailable");
    }

    @Test
    void an_error_an_operation_documents_itself_keeps_its_description_as_a_problem() {
        Operation read = new Operation()
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("OK"))
                        .addApiResponse(
                                "404",
                                new ApiResponse()
                                        .description("The token is not valid")
                                        .content(new Content().addMediaType("text/html", new MediaType()))));
        OpenAPI api = api("/api/unsubscribe", new PathItem().get(read));

        new ProblemResponses().customise(api);

        ApiResponse notFound = read.getResponses().get("404");
        assertThat(notFound.getDescription()).isEqualTo("The token is not valid");
        assertThat(notFound.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }

    private static OpenAPI api(String path, PathItem item) {
        return new OpenAPI().paths(new Paths().addPathItem(path, item));
    }
}
