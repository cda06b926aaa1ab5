package com.chosen.api.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FirstAdminTest {

    private static final String OTHER_PASSWORD = "a different password";

    @ConfigProperty(name = "chosen.admin.email")
    String adminEmail;

    @ConfigProperty(name = "chosen.admin.password")
    String adminPassword;

    @Inject
    FirstAdmin firstAdmin;

    private static Account loggedIn(String email, String password) {
        String token = Accounts.login(email, password);
        long id = given().auth().oauth2(token).get("/api/v1/users/me").then().extract().jsonPath().getLong("id");
        return new Account(id, email, token);
    }

    private static List<String> rolesInTheDatabase(String email) {
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("select r.name from users u join user_roles ur on ur.user_id = u.id "
                     + "join roles r on r.id = ur.role_id where u.email = ? order by r.name")) {
            query.setString(1, email);
            List<String> roles = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            return roles;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the bootstrap as several replicas starting at the same moment would; none may fail. */
    private void startReplicasAtOnce(String email, String password) throws Exception {
        int replicas = 6;
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                starts.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    firstAdmin.ensure(email, password);
                }, pool));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
    }

    private static long versionInTheDatabase(String email) {
        return number("select version from users where email = ?", email);
    }

    private static long accountsWithEmail(String email) {
        return number("select count(*) from users where email = ?", email);
    }

    private static long number(String sql, String email) {
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theConfiguredAdminExistsAfterStartUpAndMayUseTheAdminRoutes() {
        Account admin = loggedIn(adminEmail, adminPassword);
        admin.request().get("/api/v1/users/me").then().statusCode(200).body("roles", contains("admin", "user"));
        admin.request().get("/api/v1/users").then().statusCode(200);
        admin.request().get("/api/v1/roles").then().statusCode(200);
    }

    @Test
    void runningAgainChangesNeitherTheAccountNorItsPassword() {
        String before = loggedIn(adminEmail, adminPassword).request().get("/api/v1/users/me").then().extract().asString();
        firstAdmin.ensure(adminEmail, OTHER_PASSWORD);
        firstAdmin.ensure(adminEmail.toUpperCase(), adminPassword);
        assertEquals(1, accountsWithEmail(adminEmail));
        String after = loggedIn(adminEmail, adminPassword).request().get("/api/v1/users/me").then().extract().asString();
        assertEquals(before, after);
        given().contentType(ContentType.JSON).body(Map.of("email", adminEmail, "password", OTHER_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void replicasStartingAtOnceCreateOneAdminAndNoneFails() throws Exception {
        String email = Accounts.uniqueEmail("replicated-admin");
        startReplicasAtOnce(email, Accounts.PASSWORD);
        assertEquals(1, accountsWithEmail(email));
        assertEquals(List.of("admin", "user"), rolesInTheDatabase(email));
        loggedIn(email, Accounts.PASSWORD).request().get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void replicasStartingAtOnceGrantAnExistingUserAdminOnce() throws Exception {
        Account ada = Accounts.newUser("ada");
        startReplicasAtOnce(ada.email(), Accounts.PASSWORD);
        assertEquals(List.of("admin", "user"), rolesInTheDatabase(ada.email()));
        assertEquals(1, versionInTheDatabase(ada.email()));
    }

    @Test
    void anExistingUserWhoseFirstAdminPasswordIsTheirsBecomesAdminAndKeepsTheirPassword() {
        Account ada = Accounts.newUser("ada");
        String updatedBefore = ada.request().get("/api/v1/users/me").then().extract().jsonPath().getString("updated_at");
        assertTrue(firstAdmin.ensure(ada.email().toUpperCase(), Accounts.PASSWORD));
        Account adaAsAdmin = loggedIn(ada.email(), Accounts.PASSWORD);
        adaAsAdmin.request().get("/api/v1/users/me").then()
                .body("roles", contains("admin", "user"))
                .body("updated_at", not(equalTo(updatedBefore)));
        adaAsAdmin.request().get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void whoeverRegisteredTheAdminEmailFirstWithAnotherPasswordGetsNothing() {
        // registration verifies no email: the squatter was there before the operator set the variables
        Account squatter = Accounts.newUser("admin");
        assertFalse(firstAdmin.ensure(squatter.email(), OTHER_PASSWORD));
        assertEquals(List.of("user"), rolesInTheDatabase(squatter.email()));
        assertEquals(0, versionInTheDatabase(squatter.email()));
        Account stillUser = loggedIn(squatter.email(), Accounts.PASSWORD);
        stillUser.request().get("/api/v1/users/me").then().body("roles", contains("user"));
        stillUser.request().get("/api/v1/users").then().statusCode(403);
        // the operator's password does not log in to the squatter's account either
        given().contentType(ContentType.JSON).body(Map.of("email", squatter.email(), "password", OTHER_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void anInvalidEmailOrPasswordIsRefusedWithoutEchoingThePassword() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> firstAdmin.ensure("not-an-email", "short"));
        assertTrue(refused.getMessage().contains("email"), refused.getMessage());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
        assertFalse(refused.getMessage().contains("short"), refused.getMessage());
        assertEquals(0, accountsWithEmail("not-an-email"));
    }
}
