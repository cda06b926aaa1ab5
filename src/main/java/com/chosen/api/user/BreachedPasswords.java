package com.chosen.api.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The most common passwords known from breaches, lower-case: the resource {@value #RESOURCE} (where it
 * comes from, and its licence, are in the README beside it). About 18,000 passwords, kept as one
 * sorted array (about 1 MiB) and searched by bisection. Read on first use, not at start-up, so that
 * neither the JVM nor the native executable (which includes the resource, see
 * {@code quarkus.native.resources.includes}) starts slower: the first check reads it once, in a few
 * milliseconds.
 */
final class BreachedPasswords {

    static final String RESOURCE = "passwords/breached-passwords.txt";

    private BreachedPasswords() {
    }

    /** Whether the password, whatever its letter case, is one of them. */
    static boolean contains(String password) {
        return Arrays.binarySearch(Loaded.SORTED, password.toLowerCase(Locale.ROOT)) >= 0;
    }

    // the holder idiom: the class, and the list with it, is initialised on the first check
    private static final class Loaded {
        static final String[] SORTED = load();

        private static String[] load() {
            try (InputStream resource = BreachedPasswords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (resource == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                String[] passwords = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8)).lines()
                        .filter(line -> !line.isEmpty()).toArray(String[]::new);
                Arrays.sort(passwords);
                return passwords;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
