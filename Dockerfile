# Parley: a conventional two-stage build of the production jar.
#   docker build -t parley .
#   docker run -p 8080:8080 -e PARLEY_DB_URL=jdbc:mariadb://db:3306/parley -e PARLEY_DB_USER=parley -e PARLEY_DB_PASSWORD=secret parley

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests && cp target/parley-*.jar /parley.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app parley
WORKDIR /app
COPY --from=build /parley.jar /app/parley.jar
USER parley
EXPOSE 8080
# Without PARLEY_DB_URL, Parley keeps an H2 file database in /app/data (mount a volume there).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/parley.jar"]
