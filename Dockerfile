# syntax=docker/dockerfile:1
#
# One image recipe for every Senim service. Pick the Maven module with MODULE:
#
#   docker build --build-arg MODULE=case-service --build-arg SERVER_PORT=8081 -t senim/case-service .
#
# MODULE is one of gateway, case-service, membership-service, training-service, notification-service,
# analytics-service, portal. docker-compose.yml builds all seven from this file.

############################################################################################
# Build: compile the module and the modules it depends on (platform, contracts, ...).
############################################################################################
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# - The Maven repository (and the Maven distribution the wrapper fetches) live in a BuildKit cache
#   shared by the five builds; "locked" keeps parallel builds from writing to it at the same time.
# - Tests are the CI's job (./mvnw verify); spotless would reformat sources, which a build must not do.
# - Exactly one executable jar is taken: Maven's repackage leaves <module>-<version>.jar (plus a
#   .jar.original, which the pattern does not match); classifier jars are skipped should a plugin add them.
# - The jar is split into Boot's layers (dependencies, spring-boot-loader, snapshot-dependencies,
#   application). Without --launcher each layer holds plain jars (lib/*.jar, and app.jar whose manifest
#   Class-Path names lib/), so the result still starts with "java -jar app.jar".
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    set -eu; \
    if [ -z "${MODULE:-}" ]; then echo "Pass --build-arg MODULE=<maven module>" >&2; exit 1; fi; \
    chmod +x mvnw; \
    ./mvnw -B -q -pl "${MODULE}" -am package -DskipTests -Dspotless.apply.skip=true; \
    set -- $(find "${MODULE}/target" -maxdepth 1 -type f -name "${MODULE}-*.jar" \
               ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar'); \
    if [ "$#" -ne 1 ]; then echo "Expected one executable jar in ${MODULE}/target, found: $*" >&2; exit 1; fi; \
    cp "$1" /tmp/app.jar; \
    java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /layers

############################################################################################
# Runtime: JRE only, non-root, one layer per Boot layer (rarely changing ones first).
############################################################################################
FROM eclipse-temurin:25-jre
ARG MODULE
ARG SERVER_PORT=8080
LABEL org.opencontainers.image.title="senim-${MODULE}" \
      org.opencontainers.image.description="Senim ${MODULE}" \
      org.opencontainers.image.vendor="Senim"

RUN groupadd --system --gid 10001 senim \
 && useradd --system --uid 10001 --gid senim --home-dir /app --no-create-home --shell /usr/sbin/nologin senim

WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

USER 10001:10001
ENV SERVER_PORT=${SERVER_PORT}
EXPOSE ${SERVER_PORT}
# No HEALTHCHECK here: the image has neither curl nor wget; docker-compose.yml probes
# /actuator/health/readiness with bash.
# java is PID 1 and gets SIGTERM directly, so Boot's graceful shutdown runs on "docker stop".
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
