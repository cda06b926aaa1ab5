package com.chosen.api.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * A real SMTP server in the test JVM (GreenMail), started once for the whole run like the database:
 * the service sends its mails to it over SMTP, as it would to a production server, and tests read
 * what arrived for an address.
 */
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL)
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final Pattern RESET_CODE = Pattern.compile("Your code: (\\S+)");
    private static final String RESET_CODE_SUBJECT = "Your Chosen password reset code";
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return Map.of(
                "quarkus.mailer.host", server.getSmtp().getBindTo(),
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.from", "Chosen <no-reply@chosen.example>",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** Every mail that has arrived for the address so far. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(mail -> isTo(mail, address)).toList();
    }

    /** Waits for the {@code count}-th mail to the address (the service sends after it answered); fails after 10 s. */
    public static MimeMessage awaitMail(String address, int count) {
        return awaitMail(address, null, count);
    }

    /**
     * Waits for the {@code count}-th mail to the address with this subject (any subject if {@code null}):
     * mails that leave after the answer may arrive in any order; fails after 10 s.
     */
    public static MimeMessage awaitMail(String address, String subject, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mails = mailsTo(address).stream()
                    .filter(mail -> subject == null || subject.equals(subjectOf(mail))).toList();
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            server.waitForIncomingEmail(100, server.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail number " + count + " to " + address + " about '" + subject
                + "' within 10 seconds");
    }

    /** The reset code of the {@code count}-th reset-code mail to the address. */
    public static String awaitResetCode(String address, int count) {
        String body = GreenMailUtil.getBody(awaitMail(address, RESET_CODE_SUBJECT, count));
        Matcher code = RESET_CODE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("No code in: " + body);
        }
        return code.group(1);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
