package com.chosen.api.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/**
 * Every operation of the published OpenAPI document that reads a JSON body, with the string fields
 * of that body: a test of a rule for every JSON route or every string field walks these, so that a
 * route added later is covered without a new test.
 */
public final class JsonOperations {

    /** A string field of a body, or a field that is a list of strings. */
    public record StringField(String name, boolean list) {
    }

    /** One operation: its method and path (ids as 1), and the string fields of its body. */
    public record JsonOperation(String method, String path, List<StringField> stringFields) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private JsonOperations() {
    }

    public static List<JsonOperation> all() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<JsonOperation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            Object schema = at(operation, "requestBody", "content", "application/json", "schema");
            if (path.startsWith("/api/") && schema != null) {
                operations.add(new JsonOperation(method, path.replaceAll("\\{[^}]+}", "1"),
                        stringFields(document, resolve(document, schema))));
            }
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static List<StringField> stringFields(JsonPath document, Map<String, Object> schema) {
        List<StringField> fields = new ArrayList<>();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        properties.forEach((name, property) -> {
            Map<String, Object> type = resolve(document, property);
            if (isString(type)) {
                fields.add(new StringField(name, false));
            } else if ("array".equals(typeOf(type)) && isString(resolve(document, type.get("items")))) {
                fields.add(new StringField(name, true));
            }
        });
        return fields;
    }

    private static boolean isString(Map<String, Object> schema) {
        return "string".equals(typeOf(schema)) && !"date-time".equals(schema.get("format"));
    }

    /** The schema's type, also when it is written as a list with "null" (OpenAPI 3.1). */
    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().filter(t -> !"null".equals(t)).map(Object::toString).findFirst().orElse(null);
        }
        return type == null ? null : type.toString();
    }

    /** A schema with its $ref followed, and with the first branch of a oneOf/anyOf/allOf that has a type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(JsonPath document, Object schema) {
        Map<String, Object> map = (Map<String, Object>) schema;
        if (map == null) {
            return Map.of();
        }
        if (map.get("$ref") instanceof String ref) {
            return resolve(document, document.getMap("components.schemas.'" + ref.substring(ref.lastIndexOf('/') + 1) + "'"));
        }
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (map.get(combination) instanceof List<?> branches) {
                for (Object branch : branches) {
                    Map<String, Object> resolved = resolve(document, branch);
                    if (typeOf(resolved) != null && !"null".equals(typeOf(resolved)) || resolved.containsKey("properties")) {
                        return resolved;
                    }
                }
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
