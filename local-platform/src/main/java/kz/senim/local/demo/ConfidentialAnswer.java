package kz.senim.local.demo;

import java.util.Arrays;
import kz.senim.local.api.ApiResponse;

/**
 * Checks the status of an answer that may carry confidential text (a case, a consultation, a
 * trust-box receipt): a failure names the call, the status and the problem's {@code reason}, never the
 * body, so nothing confidential reaches the launcher's log.
 */
final class ConfidentialAnswer {

    private ConfidentialAnswer() {}

    static ApiResponse expect(ApiResponse response, int... expected) {
        if (Arrays.stream(expected).noneMatch(code -> code == response.status())) {
            String reason = response.status() >= 400 ? reasonOf(response) : "";
            throw new IllegalStateException(response.method() + " " + response.path() + " answered " + response.status()
                    + ", expected " + Arrays.toString(expected) + reason);
        }
        return response;
    }

    private static String reasonOf(ApiResponse response) {
        try {
            String reason = response.text("/reason");
            String title = response.text("/title");
            return reason.isEmpty() ? " (" + title + ")" : " (" + reason + ")";
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
