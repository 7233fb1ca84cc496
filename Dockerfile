# Build stage: the Maven wrapper builds the shaded jar with a JDK 21.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

# Run stage: a JRE, the jar, and the seed corpus (ingested into the data volume on first start).
FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/sourced.jar /app/sourced.jar
COPY corpus/ /app/corpus/
ENV SOURCED_DATA=/data \
    SOURCED_CORPUS=/app/corpus
VOLUME ["/data"]
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx2g", "-jar", "/app/sourced.jar"]
# No arguments: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else a terminal chat (docker compose run sourced ask "...").
CMD []
