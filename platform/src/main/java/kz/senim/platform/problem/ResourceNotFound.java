package kz.senim.platform.problem;

/**
 * Thrown when an object does not exist, belongs to another school, or is not visible to the
 * caller: all three answer 404 so that existence is never revealed.
 */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String what) {
        super(what + " not found");
    }
}
