package com.chosen.api.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class UserAdministrationTest {

    /** Every admin-only route, called on behalf of some user id. */
    enum AdminRoute {
        LIST_USERS((request, userId) -> request.get("/api/v1/users")),
        SET_ROLES((request, userId) -> request.body(Map.of("roles", List.of("user"))).put(rolesOf(userId))),
        LIST_ROLES((request, userId) -> request.get("/api/v1/roles"));

        final BiFunction<RequestSpecification, Long, Response> call;

        AdminRoute(BiFunction<RequestSpecification, Long, Response> call) {
            this.call = call;
        }
    }

    private static String rolesOf(long userId) {
        return "/api/v1/users/" + userId + "/roles";
    }

    private static Response setRoles(Account admin, long userId, Object roles) {
        return admin.request().body(Map.of("roles", roles)).put(rolesOf(userId));
    }

    @ParameterizedTest
    @EnumSource(AdminRoute.class)
    void everyAdminRouteIs401Anonymous403ForAUserAnd200ForAnAdmin(AdminRoute route) {
        Account user = Accounts.newUser("user");
        Account admin = Accounts.newAdmin("admin");
        route.call.apply(given().contentType(ContentType.JSON), user.id()).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        route.call.apply(user.request(), user.id()).then().statusCode(403).contentType("application/problem+json");
        route.call.apply(admin.request(), user.id()).then().statusCode(200);
    }

    @Test
    void aUserCannotGiveThemselvesTheRoleAdmin() {
        Account mallory = Accounts.newUser("mallory");
        setRoles(mallory, mallory.id(), List.of("user", "admin")).then().statusCode(403);
        Account again = new Account(mallory.id(), mallory.email(), Accounts.login(mallory.email(), Accounts.PASSWORD));
        again.request().get("/api/v1/users/me").then().body("roles", contains("user"));
        again.request().get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void rolesInTheRegistrationBodyGrantNothing() {
        String email = Accounts.uniqueEmail("mallory");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "roles", List.of("admin")))
                .post("/api/v1/auth/register").then().statusCode(201).body("roles", contains("user"));
        given().auth().oauth2(Accounts.login(email, Accounts.PASSWORD)).get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void usersAreListedByIdWithTheirRolesOnePageOfUsersAtATime() {
        Account admin = Accounts.newAdmin("admin");
        Account first = Accounts.newUser("first");
        Account second = Accounts.newUser("second");
        Account third = Accounts.newUser("third");
        setRoles(admin, second.id(), List.of("user", "admin")).then().statusCode(200);

        int total = Integer.parseInt(admin.request().get("/api/v1/users").then().statusCode(200)
                .extract().header("X-Total-Count"));
        // the newest three: a user with two roles is still one user of the page, not two rows
        admin.request().queryParam("skip", total - 3).queryParam("limit", 3).get("/api/v1/users").then()
                .statusCode(200)
                .header("X-Total-Count", String.valueOf(total))
                .body("id", contains((int) first.id(), (int) second.id(), (int) third.id()))
                .body("email", contains(first.email(), second.email(), third.email()))
                .body("roles", contains(List.of("user"), List.of("admin", "user"), List.of("user")))
                .body("$", everyItem(not(hasKey("password_hash"))));

        List<Integer> firstPage = admin.request().queryParam("limit", 5).get("/api/v1/users").then()
                .header("X-Total-Count", String.valueOf(total)).extract().jsonPath().getList("id");
        assertEquals(Math.min(5, total), firstPage.size());
        for (int i = 1; i < firstPage.size(); i++) {
            assertTrue(firstPage.get(i - 1) < firstPage.get(i), "ordered by id: " + firstPage);
        }
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("skip", -1))) {
            admin.request().queryParams(query).get("/api/v1/users").then().statusCode(400);
        }
    }

    @Test
    void aRoleChangeAnswersTheUserAndEndsEverySessionTheUserHad() {
        Account admin = Accounts.newAdmin("admin");
        Account bob = Accounts.newUser("bob");
        String updatedBefore = bob.request().get("/api/v1/users/me").then().extract().jsonPath().getString("updated_at");

        setRoles(admin, bob.id(), List.of("admin", "user", "admin")).then().statusCode(200)
                .body("id", equalTo((int) bob.id()))
                .body("email", equalTo(bob.email()))
                .body("roles", contains("admin", "user"))
                .body("updated_at", not(equalTo(updatedBefore)))
                .body("$", not(hasKey("password_hash")));
        // the token bob holds says user: it was issued before the change, so it is refused, as is its refresh token
        bob.request().get("/api/v1/users/me").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        Account bobAsAdmin = new Account(bob.id(), bob.email(), Accounts.login(bob.email(), Accounts.PASSWORD));
        bobAsAdmin.request().get("/api/v1/users").then().statusCode(200);

        setRoles(admin, bob.id(), List.of("user")).then().statusCode(200).body("roles", contains("user"));
        // taking admin away ends the session whose token said admin
        bobAsAdmin.request().get("/api/v1/users").then().statusCode(401);
        Account bobAsUser = new Account(bob.id(), bob.email(), Accounts.login(bob.email(), Accounts.PASSWORD));
        bobAsUser.request().get("/api/v1/users").then().statusCode(403);
        bobAsUser.request().get("/api/v1/users/me").then().body("roles", contains("user"));
    }

    @Test
    void anUnknownRoleOrNoRoleIs422OnRolesAndChangesNothing() {
        Account admin = Accounts.newAdmin("admin");
        Account bob = Accounts.newUser("bob");
        setRoles(admin, bob.id(), List.of("user", "superuser")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("roles"))
                .body("errors[0].message", containsString("superuser"))
                .body("errors[0].message", containsString("user, admin"));
        setRoles(admin, bob.id(), List.of()).then().statusCode(422).body("errors[0].field", equalTo("roles"));
        admin.request().body("{\"roles\":null}").put(rolesOf(bob.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("roles"));
        admin.request().body("{}").put(rolesOf(bob.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("roles"));
        admin.request().body("{\"roles\":[\"admin\",null]}").put(rolesOf(bob.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("roles[1]"));
        bob.request().get("/api/v1/users/me").then().body("roles", contains("user"));
    }

    @Test
    void malformedRoleBodiesAre400AndAMissingUserIs404() {
        Account admin = Accounts.newAdmin("admin");
        Account bob = Accounts.newUser("bob");
        admin.request().body("{\"roles\":\"admin\"}").put(rolesOf(bob.id())).then().statusCode(400);
        admin.request().body("{\"roles\":[1]}").put(rolesOf(bob.id())).then().statusCode(400);
        admin.request().body("not json").put(rolesOf(bob.id())).then().statusCode(400);
        setRoles(admin, 999_999_999L, List.of("user")).then().statusCode(404).contentType("application/problem+json");
        admin.request().body(Map.of("roles", List.of("user"))).put("/api/v1/users/abc/roles").then().statusCode(400);
        bob.request().get("/api/v1/users/me").then().body("roles", contains("user"));
    }

    @Test
    void theRolesAreListedByIdWithTheirDescriptions() {
        Account admin = Accounts.newAdmin("admin");
        admin.request().get("/api/v1/roles").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("name", contains("user", "admin"))
                .body("id", everyItem(notNullValue()))
                .body("description", everyItem(notNullValue()));
    }

    @Test
    void theOpenApiDocumentSaysARoleChangeEndsTheUsersSessions() {
        String description = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getString("paths.'/api/v1/users/{id}/roles'.put.description");
        assertTrue(description.contains("ends every session of the user"), description);
    }
}
