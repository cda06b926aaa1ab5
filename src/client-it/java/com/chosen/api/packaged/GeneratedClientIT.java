package com.chosen.api.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.chosen.api.client.ApiClient;
import com.chosen.api.client.ApiException;
import com.chosen.api.client.ApiResponse;
import com.chosen.api.client.api.AuthApi;
import com.chosen.api.client.api.UsersApi;
import com.chosen.api.client.api.WorkoutsApi;
import com.chosen.api.client.model.LoginRequest;
import com.chosen.api.client.model.NewWorkout;
import com.chosen.api.client.model.OAuthProblem;
import com.chosen.api.client.model.PasswordResetConfirmation;
import com.chosen.api.client.model.PasswordResetRequest;
import com.chosen.api.client.model.Problem;
import com.chosen.api.client.model.RefreshRequest;
import com.chosen.api.client.model.RegisterRequest;
import com.chosen.api.client.model.TokenResponse;
import com.chosen.api.client.model.User;
import com.chosen.api.client.model.Workout;
import com.chosen.api.client.model.WorkoutChanges;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.MailServer;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * The README walkthrough through a Java client generated at build time from the service's own
 * OpenAPI document (openapi-generator, library {@code native}), against the packaged service: the
 * jar, or the native executable with {@code -Dnative}. A change to the API that breaks generated
 * clients breaks this test, or the build that compiles it.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-11-21T07:30:00+01:00");

    @Test
    void theReadmeWalkthroughWorksThroughAClientGeneratedFromTheDocument() throws Exception {
        AuthApi auth = new AuthApi(client(null));
        String email = Accounts.uniqueEmail("generated");
        User ada = auth.register(new RegisterRequest().email(email).password(Accounts.PASSWORD).fullName("Ada"), null);
        assertEquals(email, ada.getEmail());
        assertEquals(List.of("user"), ada.getRoles());

        TokenResponse token = auth.login(new LoginRequest().email(email).password(Accounts.PASSWORD));
        assertEquals("bearer", token.getTokenType());
        WorkoutsApi workouts = new WorkoutsApi(client(token.getAccessToken()));

        // one Idempotency-Key per workout, sent again with each retry of it (after a timeout, a 503 or a
        // lost answer): the retry answers the same, and the list below still counts one
        NewWorkout run = new NewWorkout().name("Morning run").description("Easy 5k").durationMinutes(30).workoutDate(MORNING);
        String key = UUID.randomUUID().toString();
        ApiResponse<Workout> created = workouts.createWorkoutWithHttpInfo(run, key);
        assertEquals(201, created.getStatusCode());
        long id = created.getData().getId();
        assertTrue(header(created, "Location").endsWith("/api/v1/workouts/" + id), header(created, "Location"));
        String etag = header(created, "ETag");
        assertEquals(MORNING.toInstant(), created.getData().getWorkoutDate().toInstant());
        ApiResponse<Workout> retried = workouts.createWorkoutWithHttpInfo(run, key);
        assertEquals(201, retried.getStatusCode());
        assertEquals(id, retried.getData().getId());
        assertEquals(etag, header(retried, "ETag"));

        ApiResponse<List<Workout>> listed = workouts.listWorkoutsWithHttpInfo(null, 10, null, null, null);
        assertEquals("1", header(listed, "X-Total-Count"));
        assertEquals(id, listed.getData().get(0).getId());

        ApiResponse<Workout> read = workouts.getWorkoutWithHttpInfo(id);
        assertEquals(etag, header(read, "ETag"));
        assertEquals("Easy 5k", read.getData().getDescription());

        // null clears the description; the fields left out stay
        ApiResponse<Workout> updated = workouts.updateWorkoutWithHttpInfo(id,
                new WorkoutChanges().durationMinutes(45).description(null), etag);
        assertEquals(45, updated.getData().getDurationMinutes());
        assertNull(updated.getData().getDescription());
        assertEquals("Morning run", updated.getData().getName());
        assertNotEquals(etag, header(updated, "ETag"));

        ApiException stale = assertThrows(ApiException.class,
                () -> workouts.updateWorkout(id, new WorkoutChanges().durationMinutes(50), etag));
        assertEquals(412, stale.getCode());
        Problem precondition = problem(stale, Problem.class);
        assertEquals(412, precondition.getStatus());
        assertEquals("Precondition Failed", precondition.getTitle());

        ApiException invalid = assertThrows(ApiException.class, () -> workouts.createWorkout(
                new NewWorkout().name("Run").durationMinutes(2000).workoutDate(MORNING), null));
        assertEquals(422, invalid.getCode());
        Problem rules = problem(invalid, Problem.class);
        assertEquals("duration_minutes", rules.getErrors().get(0).getField());
        assertNotNull(rules.getErrors().get(0).getMessage());

        // the generated client asks for application/problem+json only here: still a 204, not a 406
        assertEquals(204, workouts.deleteWorkoutWithHttpInfo(id, null).getStatusCode());
        ApiException gone = assertThrows(ApiException.class, () -> workouts.getWorkout(id));
        assertEquals(404, gone.getCode());
        assertEquals(404, problem(gone, Problem.class).getStatus());
    }

    @Test
    void theOAuthPasswordGrantIsAnOperationOfItsOwnAndARefusalCarriesOAuthErrorMembers() throws Exception {
        AuthApi auth = new AuthApi(client(null));
        String email = Accounts.uniqueEmail("oauth");
        auth.register(new RegisterRequest().email(email).password(Accounts.PASSWORD), null);

        TokenResponse token = auth.issueToken("password", email, Accounts.PASSWORD);
        assertNotNull(token.getAccessToken());

        ApiException refused = assertThrows(ApiException.class, () -> auth.issueToken("password", email, "wrong password"));
        assertEquals(401, refused.getCode());
        OAuthProblem problem = problem(refused, OAuthProblem.class);
        assertEquals("invalid_grant", problem.getError().getValue());
        assertEquals("Email or password is wrong", problem.getErrorDescription());
        assertEquals(401, problem.getStatus());
    }

    @Test
    void sessionsRefreshAndEndAndAForgottenPasswordIsResetThroughTheGeneratedClient() throws Exception {
        AuthApi auth = new AuthApi(client(null));
        String email = Accounts.uniqueEmail("lifecycle");
        auth.register(new RegisterRequest().email(email).password(Accounts.PASSWORD), null);
        TokenResponse login = auth.login(new LoginRequest().email(email).password(Accounts.PASSWORD));

        TokenResponse refreshed = auth.refreshToken(new RefreshRequest().refreshToken(login.getRefreshToken()));
        assertNotEquals(login.getRefreshToken(), refreshed.getRefreshToken());
        assertEquals(email, new UsersApi(client(refreshed.getAccessToken())).getCurrentUser().getEmail());

        auth.logout(new RefreshRequest().refreshToken(refreshed.getRefreshToken()));
        ApiException ended = assertThrows(ApiException.class,
                () -> new UsersApi(client(refreshed.getAccessToken())).getCurrentUser());
        assertEquals(401, ended.getCode());

        assertEquals(202, auth.requestPasswordResetWithHttpInfo(new PasswordResetRequest().email(email)).getStatusCode());
        String code = MailServer.awaitResetCode(email, 1);
        auth.confirmPasswordReset(new PasswordResetConfirmation().email(email).code(code).password("a new passphrase"));
        assertNotNull(auth.login(new LoginRequest().email(email).password("a new passphrase")).getAccessToken());
        ApiException used = assertThrows(ApiException.class, () -> auth.confirmPasswordReset(
                new PasswordResetConfirmation().email(email).code(code).password("another passphrase")));
        assertEquals("code", problem(used, Problem.class).getErrors().get(0).getField());
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static <T> T problem(ApiException failure, Class<T> type) throws JsonProcessingException {
        return new ApiClient().getObjectMapper().readValue(failure.getResponseBody(), type);
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst()
                .map(values -> values.get(0))
                .orElseThrow(() -> new AssertionError("No " + name + " header in " + response.getHeaders().keySet()));
    }
}
