package com.chosen.api.user;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import com.chosen.api.kernel.rows.AuditedEntity;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** An account, created by {@link Accounts}. The email is stored lower-case; the password only as an Argon2id hash. */
@Entity
@Table(name = "users")
public class User extends AuditedEntity {

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "full_name", length = 200)
    public String fullName;

    /**
     * Sessions (and reset codes) belong to the generation they were opened under; a change of what
     * a token vouches for, the password or the roles, starts the next generation and so ends them all.
     */
    @Column(name = "session_generation", nullable = false)
    public long sessionGeneration;

    @ManyToMany
    @JoinTable(name = "user_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    public Set<Role> roles = new HashSet<>();

    /** Emails are kept lower-case (the table checks it), so that one address is one account whatever its case. */
    public static String normalisedEmail(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** With its roles, which a reactive session would not load later on its own. */
    public static Uni<User> findWithRoles(long id) {
        return atMostOne(find("from User u left join fetch u.roles where u.id = ?1", id));
    }

    /** The users with these ids, with their roles, in id order. */
    public static Uni<List<User>> listWithRoles(List<Long> ids) {
        return find("from User u left join fetch u.roles where u.id in ?1 order by u.id", ids).list();
    }

    public static Uni<User> findByEmailWithRoles(String email) {
        return atMostOne(find("from User u left join fetch u.roles where u.email = ?1", email));
    }

    // not firstResult(): a row limit on a collection fetch would make Hibernate page in memory
    private static Uni<User> atMostOne(PanacheQuery<User> query) {
        return query.list().map(users -> users.isEmpty() ? null : users.get(0));
    }

    /** A new password ends every session of the user, and every reset code mailed before. */
    public void changePassword(String newHash) {
        passwordHash = newHash;
        sessionGeneration++;
    }

    /** New roles end every session of the user: their tokens carry the roles held at login. */
    public void replaceRoles(Set<Role> newRoles) {
        roles = newRoles;
        sessionGeneration++;
    }

    public Set<String> roleNames() {
        Set<String> names = new HashSet<>();
        roles.forEach(role -> names.add(role.name));
        return names;
    }
}
