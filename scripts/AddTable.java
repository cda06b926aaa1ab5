import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds a table to Chosen API in one command, following the project's conventions exactly: the
 * feature package (entity, request and response records, resource on the shared ownership or
 * catalog mechanism), a Liquibase changeset with rollback included at the end of the changelog,
 * and a test class. Run from the repository root with nothing but the JDK:
 *
 * <pre>
 *   java scripts/AddTable.java runs owned name:string:1..100 notes:text? distance_km:decimal:>=0 done_at:datetime
 *   java scripts/AddTable.java gyms catalog name:string:1..100 capacity:int:1..5000?
 * </pre>
 *
 * A field is {@code name:type[?][:bounds]}: types string (needs a max length), text, int, decimal,
 * bool, datetime; {@code ?} makes it optional; bounds are {@code min..max}, {@code >=min} or
 * {@code <=max} (lengths in characters for string and text). It refuses to overwrite anything.
 */
public class AddTable {

    private static final Set<String> RESERVED = Set.of("id", "user_id", "created_at", "updated_at", "version");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern FIELD = Pattern.compile("([^:]+):([a-z]+)(\\?)?(?::(.+))?");
    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+)?\\.\\.(-?[0-9.]+)?");
    private static final int DEFAULT_TEXT_LENGTH = 2000;

    enum Kind { OWNED, CATALOG }

    enum Type {
        STRING("String", "varchar"), TEXT("String", "varchar"), INT("Integer", "int"),
        DECIMAL("Double", "double precision"), BOOL("Boolean", "boolean"), DATETIME("OffsetDateTime", "timestamptz");

        final String requestType;
        final String columnType;

        Type(String requestType, String columnType) {
            this.requestType = requestType;
            this.columnType = columnType;
        }

        boolean isText() {
            return this == STRING || this == TEXT;
        }

        String entityType() {
            return this == DATETIME ? "Instant" : requestType;
        }
    }

    record Field(String column, Type type, boolean optional, BigDecimal min, BigDecimal max) {

        String java() {
            return camel(column, false);
        }

        int maxLength() {
            return max == null ? DEFAULT_TEXT_LENGTH : max.intValueExact();
        }

        int minLength() {
            return min == null ? 0 : min.intValueExact();
        }
    }

    record Table(String name, String entity, Kind kind, List<Field> fields) {

        String pkg() {
            return entity.toLowerCase(Locale.ROOT);
        }

        String path() {
            return name.replace('_', '-');
        }

        String human() {
            return name.replace('_', ' ');
        }

        String humanOne() {
            return String.join(" ", splitCamel(entity)).toLowerCase(Locale.ROOT);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            Path root = Path.of(".");
            List<String> rest = new ArrayList<>();
            String entity = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(value(args, ++i, "--root"));
                    case "--entity" -> entity = value(args, ++i, "--entity");
                    case "-h", "--help" -> throw new UsageException("");
                    default -> rest.add(args[i]);
                }
            }
            Table table = parse(rest, entity);
            Path repository = root.toAbsolutePath().normalize();
            List<Path> written = new Generator(repository, table).write();
            System.out.println("Added table " + table.name() + " (" + table.kind().name().toLowerCase(Locale.ROOT) + "):");
            written.forEach(path -> System.out.println("  " + repository.relativize(path)));
            System.out.println("Next: ./mvnw verify -Dtest=" + table.entity() + "ApiTest, then review and commit.");
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("add-table: " + e.getMessage());
            }
            System.err.println("""
                    usage: java scripts/AddTable.java [--root DIR] [--entity Name] TABLE owned|catalog FIELD...
                      TABLE   plural snake_case table name, e.g. runs or body_measurements
                      owned   rows belong to a user (owner or admin may act on them)
                      catalog rows are read by anyone and written by admins
                      FIELD   name:type[?][:bounds]
                              types: string (needs a max length), text, int, decimal, bool, datetime
                              ?      optional (nullable); without it the field is required
                              bounds min..max, >=min or <=max (lengths in characters for string/text)
                    example: java scripts/AddTable.java runs owned name:string:1..100 notes:text? \\
                                 distance_km:decimal:>=0 done_at:datetime""");
            System.exit(2);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    static Table parse(List<String> args, String entityOverride) {
        if (args.size() < 3) {
            throw new UsageException("give a table name, owned or catalog, and at least one field");
        }
        String name = args.get(0);
        if (!SNAKE.matcher(name).matches()) {
            throw new UsageException("table name '" + name + "' must be snake_case, e.g. body_measurements");
        }
        Kind kind = switch (args.get(1)) {
            case "owned" -> Kind.OWNED;
            case "catalog" -> Kind.CATALOG;
            default -> throw new UsageException("second argument must be owned or catalog, not '" + args.get(1) + "'");
        };
        String entity = entityOverride != null ? entityOverride : camel(singular(name), true);
        if (!entity.matches("[A-Z][A-Za-z0-9]*")) {
            throw new UsageException("entity name '" + entity + "' must be a Java class name, e.g. BodyMeasurement");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String spec : args.subList(2, args.size())) {
            Field field = parseField(spec);
            if (!seen.add(field.column())) {
                throw new UsageException("field '" + field.column() + "' is given twice");
            }
            fields.add(field);
        }
        return new Table(name, entity, kind, fields);
    }

    static Field parseField(String spec) {
        Matcher m = FIELD.matcher(spec);
        if (!m.matches()) {
            throw new UsageException("field '" + spec + "' is not name:type[?][:bounds], e.g. notes:text? or age:int:0..150");
        }
        String column = m.group(1);
        if (!SNAKE.matcher(column).matches()) {
            throw new UsageException("field name '" + column + "' must be snake_case");
        }
        if (RESERVED.contains(column)) {
            throw new UsageException("field '" + column + "' is set by the server on every row; leave it out");
        }
        Type type;
        try {
            type = Type.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("field '" + column + "' has unknown type '" + m.group(2)
                    + "'; use string, text, int, decimal, bool or datetime");
        }
        boolean optional = m.group(3) != null;
        BigDecimal min = null;
        BigDecimal max = null;
        String bounds = m.group(4);
        if (bounds != null) {
            if (type == Type.BOOL || type == Type.DATETIME) {
                throw new UsageException("field '" + column + "' is " + m.group(2) + ", which takes no bounds");
            }
            Matcher range = RANGE.matcher(bounds);
            try {
                if (bounds.startsWith(">=")) {
                    min = new BigDecimal(bounds.substring(2));
                } else if (bounds.startsWith("<=")) {
                    max = new BigDecimal(bounds.substring(2));
                } else if (range.matches()) {
                    min = range.group(1) == null ? null : new BigDecimal(range.group(1));
                    max = range.group(2) == null ? null : new BigDecimal(range.group(2));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new UsageException("field '" + column + "' has bounds '" + bounds + "'; write 1..100, >=0 or <=1440");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new UsageException("field '" + column + "' has its minimum above its maximum");
            }
            if ((type.isText() || type == Type.INT) && !isWhole(min, max)) {
                throw new UsageException("field '" + column + "' is " + m.group(2) + ": its bounds must be whole numbers");
            }
            if (type.isText() && min != null && min.signum() < 0) {
                throw new UsageException("field '" + column + "' cannot have a negative length");
            }
        }
        if (type == Type.STRING && max == null) {
            throw new UsageException("field '" + column + "' is a string: give its maximum length, e.g. "
                    + column + ":string:1..100 (or use text)");
        }
        return new Field(column, type, optional, min, max);
    }

    private static boolean isWhole(BigDecimal... values) {
        return Stream.of(values).allMatch(v -> v == null || v.stripTrailingZeros().scale() <= 0);
    }

    static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss")) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    static String camel(String snake, boolean upperFirst) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(out.length() == 0 && !upperFirst ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    static List<String> splitCamel(String camel) {
        return List.of(camel.split("(?<=[a-z0-9])(?=[A-Z])"));
    }

    /** Writes every file of one table, after checking that none of them exists yet. */
    static final class Generator {
        private final Path root;
        private final Table t;
        private final String e;

        Generator(Path root, Table table) {
            this.root = root;
            this.t = table;
            this.e = table.entity();
        }

        List<Path> write() {
            Path changelog = root.resolve("src/main/resources/db/changelog.xml");
            if (!Files.exists(changelog)) {
                throw new UsageException("no src/main/resources/db/changelog.xml under " + root + "; run from the repository root or pass --root");
            }
            String changelogText = read(changelog);
            if (changelogText.contains("tableName=\"" + t.name() + "\"") || tableExists(t.name())) {
                throw new UsageException("table " + t.name() + " already exists in the changelog");
            }
            Path main = root.resolve("src/main/java/com/chosen/api/" + t.pkg());
            Path test = root.resolve("src/test/java/com/chosen/api/" + t.pkg());
            String changeFile = nextChangeNumber() + "-" + t.name().replace('_', '-') + ".xml";
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(main.resolve(e + ".java"), entity());
            files.put(main.resolve("New" + e + ".java"), newRecord());
            files.put(main.resolve(e + "Changes.java"), changesRecord());
            files.put(main.resolve(e + "Response.java"), responseRecord());
            files.put(main.resolve(e + "Resource.java"), resource());
            files.put(root.resolve("src/main/resources/db/changes/" + changeFile), changeset(changeFile));
            files.put(test.resolve(e + "ApiTest.java"), test());
            List<String> existing = files.keySet().stream().filter(Files::exists).map(p -> root.relativize(p).toString()).toList();
            if (Files.exists(main)) {
                throw new UsageException("package " + root.relativize(main) + " already exists; pick another table or --entity name");
            }
            if (!existing.isEmpty()) {
                throw new UsageException("refusing to overwrite " + String.join(", ", existing));
            }
            files.forEach(Generator::create);
            String include = "    <include file=\"db/changes/" + changeFile + "\"/>\n";
            int end = changelogText.lastIndexOf("</databaseChangeLog>");
            writeFile(changelog, changelogText.substring(0, end) + include + changelogText.substring(end));
            List<Path> written = new ArrayList<>(files.keySet());
            written.add(changelog);
            return written;
        }

        private boolean tableExists(String name) {
            try (Stream<Path> changes = Files.list(root.resolve("src/main/resources/db/changes"))) {
                return changes.anyMatch(p -> read(p).contains("createTable tableName=\"" + name + "\""));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private String nextChangeNumber() {
            try (Stream<Path> changes = Files.list(root.resolve("src/main/resources/db/changes"))) {
                int last = changes.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("\\d{3}-.*"))
                        .mapToInt(n -> Integer.parseInt(n.substring(0, 3))).max().orElse(0);
                return String.format("%03d", last + 1);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        // ---------------------------------------------------------------- main code

        private String entity() {
            Set<String> imports = new TreeSet<>(List.of("jakarta.persistence.Column", "jakarta.persistence.Entity",
                    "jakarta.persistence.Table", "com.chosen.api.kernel.rows." + base()));
            if (has(Type.DATETIME)) {
                imports.add("java.time.Instant");
            }
            StringBuilder body = new StringBuilder();
            for (Field f : t.fields()) {
                List<String> column = new ArrayList<>();
                column.add("name = \"" + f.column() + "\"");
                if (!f.optional()) {
                    column.add("nullable = false");
                }
                if (f.type().isText()) {
                    column.add("length = " + f.maxLength());
                }
                body.append("    @Column(").append(String.join(", ", column)).append(")\n")
                        .append("    public ").append(f.type().entityType()).append(' ').append(f.java()).append(";\n\n");
            }
            return header(imports) + """
                    /** One row of table %s. */
                    @Entity
                    @Table(name = "%s")
                    public class %s extends %s {

                    %s}
                    """.formatted(t.name(), t.name(), e, base(), body.toString().stripTrailing() + "\n");
        }

        private String newRecord() {
            Set<String> imports = new TreeSet<>(List.of("org.eclipse.microprofile.openapi.annotations.media.Schema"));
            List<String> components = new ArrayList<>();
            StringBuilder assignments = new StringBuilder();
            for (Field f : t.fields()) {
                List<String> rules = new ArrayList<>();
                if (!f.optional()) {
                    rules.add("@NotNull");
                    imports.add("jakarta.validation.constraints.NotNull");
                }
                rules.addAll(rules(f, imports));
                if (f.optional()) {
                    rules.add("@Schema(nullable = true)");
                }
                components.add("        " + String.join(" ", rules) + (rules.isEmpty() ? "" : " ") + f.type().requestType + " " + f.java());
                assignments.append("        row.").append(f.java()).append(" = ")
                        .append(f.type() == Type.DATETIME ? "Timestamps.of(" + f.java() + ")" : f.java()).append(";\n");
                if (f.type() == Type.DATETIME) {
                    imports.add("java.time.OffsetDateTime");
                    imports.add("com.chosen.api.kernel.rows.Timestamps");
                }
            }
            boolean owned = t.kind() == Kind.OWNED;
            return header(imports) + """
                    /** Body of {@code POST /api/v1/%s}. */
                    @Schema(name = "New%s")
                    public record New%s(
                    %s) {

                        %s toEntity(%s) {
                            %s row = new %s();
                    %s%s        return row;
                        }
                    }
                    """.formatted(t.path(), e, e, String.join(",\n", components), e, owned ? "long ownerId" : "",
                    e, e, owned ? "        row.userId = ownerId;\n" : "", assignments);
        }

        private String changesRecord() {
            Set<String> imports = new TreeSet<>(List.of("java.util.Optional", "com.chosen.api.kernel.request.Patch",
                    "org.eclipse.microprofile.openapi.annotations.media.Schema"));
            List<String> components = new ArrayList<>();
            StringBuilder applies = new StringBuilder();
            for (Field f : t.fields()) {
                List<String> rules = rules(f, imports);
                String inner = (rules.isEmpty() ? "" : String.join(" ", rules) + " ") + f.type().requestType;
                String required = "";
                if (!f.optional()) {
                    required = "@NotCleared @Schema(nullable = false) ";
                    imports.add("com.chosen.api.kernel.request.NotCleared");
                }
                components.add("        " + required + "Optional<" + inner + "> " + f.java());
                String value = f.type() == Type.DATETIME ? "Timestamps.of(value)" : "value";
                applies.append("        Patch.apply(").append(f.java()).append(", value -> row.").append(f.java())
                        .append(" = ").append(value).append(");\n");
                if (f.type() == Type.DATETIME) {
                    imports.add("java.time.OffsetDateTime");
                    imports.add("com.chosen.api.kernel.rows.Timestamps");
                }
            }
            return header(imports) + """
                    /**
                     * Body of {@code PUT /api/v1/%s/{id}}, a partial update: absent fields stay as they are,
                     * {@code null} clears an optional field, and {@code null} for a required one is a 422.
                     */
                    @Schema(name = "%sChanges")
                    public record %sChanges(
                    %s) {

                        void applyTo(%s row) {
                    %s    }
                    }
                    """.formatted(t.path(), e, e, String.join(",\n", components), e, applies);
        }

        private String responseRecord() {
            Set<String> imports = new TreeSet<>(List.of("java.time.Instant",
                    "org.eclipse.microprofile.openapi.annotations.media.Schema"));
            List<String> components = new ArrayList<>(List.of("long id"));
            List<String> values = new ArrayList<>(List.of("row.id"));
            if (t.kind() == Kind.OWNED) {
                components.add("long userId");
                values.add("row.userId");
            }
            for (Field f : t.fields()) {
                components.add((f.optional() ? "@Schema(nullable = true) " : "") + f.type().entityType() + " " + f.java());
                values.add("row." + f.java());
            }
            components.addAll(List.of("Instant createdAt", "Instant updatedAt"));
            values.addAll(List.of("row.createdAt", "row.updatedAt"));
            return header(imports) + """
                    @Schema(name = "%s")
                    public record %sResponse(%s) {

                        static %sResponse of(%s row) {
                            return new %sResponse(%s);
                        }
                    }
                    """.formatted(e, e, wrap(components, 25 + e.length()), e, e, e, wrap(values, 27 + e.length()));
        }

        private String resource() {
            boolean owned = t.kind() == Kind.OWNED;
            Set<String> imports = new TreeSet<>(List.of(
                    "jakarta.validation.Valid", "jakarta.validation.constraints.NotNull", "jakarta.ws.rs.BeanParam",
                    "jakarta.ws.rs.Consumes", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.GET", "jakarta.ws.rs.HeaderParam",
                    "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.Path", "jakarta.ws.rs.PathParam",
                    "jakarta.ws.rs.Produces", "jakarta.ws.rs.core.Context", "jakarta.ws.rs.core.HttpHeaders",
                    "jakarta.ws.rs.core.MediaType", "jakarta.ws.rs.core.Response", "jakarta.ws.rs.core.UriInfo",
                    "org.eclipse.microprofile.openapi.annotations.Operation",
                    "org.eclipse.microprofile.openapi.annotations.media.Content",
                    "org.eclipse.microprofile.openapi.annotations.media.Schema",
                    "org.eclipse.microprofile.openapi.annotations.responses.APIResponse",
                    "org.eclipse.microprofile.openapi.annotations.tags.Tag",
                    "com.chosen.api.kernel.rows.Page", "com.chosen.api.kernel.rows.PageRequest",
                    "com.chosen.api.kernel.rows.Responses", "com.chosen.api.kernel.rows.Rows",
                    "io.quarkus.hibernate.reactive.panache.PanacheQuery",
                    "io.quarkus.hibernate.reactive.panache.common.WithSession",
                    "io.quarkus.hibernate.reactive.panache.common.WithTransaction",
                    "io.quarkus.panache.common.Sort", "io.smallrye.mutiny.Uni"));
            String security;
            String read;
            String write;
            String classAnnotations;
            String listQuery;
            String listParameters;
            String listDescription;
            String find;
            String update;
            String delete;
            String create;
            String fields;
            if (owned) {
                imports.addAll(List.of("jakarta.inject.Inject", "jakarta.validation.constraints.Positive",
                        "jakarta.ws.rs.QueryParam", "org.eclipse.microprofile.openapi.annotations.parameters.Parameter",
                        "com.chosen.api.kernel.rows.Ownership", "io.quarkus.security.Authenticated"));
                classAnnotations = "@Authenticated\n";
                fields = "    @Inject\n    Ownership ownership;\n\n";
                security = "";
                read = "";
                write = "";
                listParameters = "@BeanParam @Valid PageRequest page,\n                              @QueryParam(\"user_id\") @Positive @Parameter(description = \"Admins only: whose "
                        + t.human() + "\") Long userId";
                listQuery = e + ".find(\"userId\", Sort.descending(\"id\"), ownership.listOwner(userId))";
                listDescription = "The caller's own (an admin may pass `user_id`), newest first (highest id first). X-Total-Count counts all matches.";
                create = "Rows.create(body.toEntity(ownership.callerId()))";
                find = "ownership.read(" + e + ".class, id)";
                update = "ownership.update(" + e + ".class, id, ifMatch, changes::applyTo)";
                delete = "ownership.delete(" + e + ".class, id, ifMatch)";
            } else {
                imports.addAll(List.of("jakarta.annotation.security.PermitAll", "jakarta.annotation.security.RolesAllowed",
                        "com.chosen.api.kernel.security.Roles"));
                classAnnotations = "";
                fields = "";
                security = "";
                read = "    @PermitAll\n";
                write = "    @RolesAllowed(Roles.ADMIN)\n";
                listParameters = "@BeanParam @Valid PageRequest page";
                listQuery = e + ".findAll(Sort.ascending(\"id\"))";
                listDescription = "Open to anyone, ordered by id. X-Total-Count counts all matches.";
                create = "Rows.create(body.toEntity())";
                find = "Rows.find(" + e + ".class, id)";
                update = "Rows.update(" + e + ".class, id, ifMatch, changes::applyTo)";
                delete = "Rows.delete(" + e + ".class, id, ifMatch)";
            }
            String who = owned ? "The caller owns it; `user_id` in the body is ignored." : "Admins only.";
            String ownRow = "The owner's or, for an admin, anyone's; another user's is a 403.";
            String tagDescription = owned ? "The caller's " + t.human() + "; an admin may act on anyone's"
                    : capitalize(t.human()) + ": anyone reads them, admins write them";
            String one = t.humanOne();
            return header(imports) + """
                    @Path("/api/v1/%1$s")
                    @Produces(MediaType.APPLICATION_JSON)
                    @Consumes(MediaType.APPLICATION_JSON)
                    %2$s@Tag(name = "%3$s", description = "%18$s")
                    public class %4$sResource {

                    %5$s    @POST
                    %6$s    @WithTransaction
                        @Operation(operationId = "create%4$s", summary = "Create a %7$s", description = "%8$s")
                        @APIResponse(responseCode = "201", description = "The new %7$s, with Location and ETag",
                                content = @Content(schema = @Schema(implementation = %4$sResponse.class)))
                        public Uni<Response> create(@Valid @NotNull New%4$s body, @Context UriInfo uri) {
                            return %9$s
                                    .map(row -> Responses.created(uri, %4$sResponse.of(row), row));
                        }

                        @GET
                    %10$s    @WithSession
                        @Operation(operationId = "list%19$s", summary = "List %11$s", description = "%12$s")
                        @APIResponse(responseCode = "200", description = "One page of %11$s",
                                content = @Content(schema = @Schema(implementation = %4$sResponse[].class)))
                        public Uni<Response> list(%13$s) {
                            PanacheQuery<%4$s> rows = %14$s;
                            return Page.of(rows, page).map(found -> Responses.list(found, %4$sResponse::of));
                        }

                        @GET
                        @Path("/{id}")
                    %10$s    @WithSession
                        @Operation(operationId = "get%4$s", summary = "One %7$s", description = "%20$s")
                        @APIResponse(responseCode = "200", description = "The %7$s, with its ETag",
                                content = @Content(schema = @Schema(implementation = %4$sResponse.class)))
                        public Uni<Response> get(@PathParam("id") long id) {
                            return %15$s.map(row -> Responses.ok(%4$sResponse.of(row), row));
                        }

                        @PUT
                        @Path("/{id}")
                    %6$s    @WithTransaction
                        @Operation(operationId = "update%4$s", summary = "Change a %7$s",
                                description = "Partial update: only the fields present change; `null` clears an optional field.")
                        @APIResponse(responseCode = "200", description = "The updated %7$s, with its new ETag",
                                content = @Content(schema = @Schema(implementation = %4$sResponse.class)))
                        public Uni<Response> update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Valid @NotNull %4$sChanges changes) {
                            return %16$s
                                    .map(row -> Responses.ok(%4$sResponse.of(row), row));
                        }

                        @DELETE
                        @Path("/{id}")
                    %6$s    @WithTransaction
                        @Operation(operationId = "delete%4$s", summary = "Delete a %7$s", description = "%21$s")
                        @APIResponse(responseCode = "204", description = "Deleted")
                        public Uni<Void> delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
                            return %17$s;
                        }
                    }
                    """.formatted(t.path(), classAnnotations + security, capitalize(t.human()), e, fields, write, one, who,
                    create, read, t.human(), listDescription, listParameters, listQuery, find, update, delete, tagDescription,
                    camel(t.name()), owned ? ownRow : "Open to anyone.", owned ? ownRow : "Admins only.");
        }

        private String changeset(String file) {
            String id = file.substring(0, file.length() - 4);
            StringBuilder columns = new StringBuilder();
            columns.append("            <column name=\"id\" type=\"bigint\" autoIncrement=\"true\"><constraints primaryKey=\"true\"/></column>\n");
            if (t.kind() == Kind.OWNED) {
                columns.append("""
                                    <column name="user_id" type="bigint">
                                        <constraints nullable="false" foreignKeyName="fk_%s_user" references="users(id)" deleteCascade="true"/>
                                    </column>
                        """.formatted(t.name()));
            }
            for (Field f : t.fields()) {
                String type = f.type().isText() ? "varchar(" + f.maxLength() + ")" : f.type().columnType;
                columns.append("            <column name=\"").append(f.column()).append("\" type=\"").append(type).append('"')
                        .append(f.optional() ? "/>\n" : "><constraints nullable=\"false\"/></column>\n");
            }
            columns.append("""
                                <column name="created_at" type="timestamptz"><constraints nullable="false"/></column>
                                <column name="updated_at" type="timestamptz"><constraints nullable="false"/></column>
                                <column name="version" type="bigint" defaultValueNumeric="0"><constraints nullable="false"/></column>
                    """);
            String index = t.kind() != Kind.OWNED ? "" : """
                        <changeSet id="%1$s-index" author="scripts/AddTable">
                            <!-- serves the list: the caller's rows -->
                            <createIndex tableName="%2$s" indexName="ix_%2$s_user">
                                <column name="user_id"/>
                            </createIndex>
                            <rollback><dropIndex tableName="%2$s" indexName="ix_%2$s_user"/></rollback>
                        </changeSet>
                    """.formatted(id, t.name());
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                       xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                       http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                        <changeSet id="%s" author="scripts/AddTable">
                            <createTable tableName="%s">
                    %s            </createTable>
                            <rollback><dropTable tableName="%s"/></rollback>
                        </changeSet>
                    %s</databaseChangeLog>
                    """.formatted(id, t.name(), columns, t.name(), index);
        }

        // ---------------------------------------------------------------- test

        private String test() {
            boolean owned = t.kind() == Kind.OWNED;
            String path = "/api/v1/" + t.path();
            Field first = t.fields().get(0);
            Field second = t.fields().size() > 1 ? t.fields().get(1) : null;
            StringBuilder valid = new StringBuilder();
            for (Field f : t.fields()) {
                valid.append("        body.put(\"").append(f.column()).append("\", ").append(sample(f, 0)).append(");\n");
            }
            StringBuilder echoes = new StringBuilder();
            for (Field f : t.fields()) {
                echoes.append("\n                .body(\"").append(f.column()).append("\", equalTo(").append(expected(f, 0)).append("))");
            }
            StringBuilder bounds = new StringBuilder();
            for (Field f : t.fields()) {
                for (String outside : outside(f)) {
                    bounds.append("        refused(\"").append(f.column()).append("\", ").append(outside).append(");\n");
                }
            }
            List<String> required = t.fields().stream().filter(f -> !f.optional()).map(f -> "\"" + f.column() + "\"").toList();
            String requiredCheck = required.isEmpty() ? "" : """

                        @Test
                        void requiredFieldsMustBeSent() {
                            writer().request().body("{}").post(PATH).then().statusCode(422)
                                    .body("errors.field", hasItems(%s));
                        }
                    """.formatted(String.join(", ", required));
            String boundsTest = bounds.length() == 0 ? "" : """

                        @Test
                        void valuesOutsideTheirBoundsAre422NamingTheField() {
                    %s    }

                        private void refused(String field, Object value) {
                            Map<String, Object> body = valid();
                            body.put(field, value);
                            writer().request().body(body).post(PATH).then().statusCode(422)
                                    .contentType("application/problem+json")
                                    .body("errors.field", hasItem(field));
                        }
                    """.formatted(bounds);
            String unchanged = second == null ? "" : "\n                .body(\"" + second.column() + "\", equalTo(" + expected(second, 0) + "))";
            String nullRequired = first.optional() ? "" : """
                            writer.request().body("{\\"%s\\":null}").put(PATH + "/" + id).then().statusCode(422)
                                    .body("errors[0].field", equalTo("%s"));
                    """.formatted(first.column(), first.column());
            String access = owned ? """

                        @Test
                        void anotherUsersRowIsForbiddenButAnAdminMayActOnIt() {
                            Account owner = Accounts.newUser("owner");
                            Account stranger = Accounts.newUser("stranger");
                            long id = create(owner);
                            stranger.request().get(PATH + "/" + id).then().statusCode(403).contentType("application/problem+json");
                            stranger.request().body(Map.of()).put(PATH + "/" + id).then().statusCode(403);
                            stranger.request().delete(PATH + "/" + id).then().statusCode(403);
                            Accounts.newAdmin("admin").request().get(PATH + "/" + id).then().statusCode(200);
                            owner.request().get(PATH + "/" + id).then().statusCode(200).header("ETag", "\\"0\\"");
                        }

                        @Test
                        void theListIsTheCallersOwnNewestFirst() {
                            Account ada = Accounts.newUser("ada");
                            long older = create(ada);
                            long newer = create(ada);
                            create(Accounts.newUser("bob"));
                            ada.request().get(PATH).then().statusCode(200)
                                    .header("X-Total-Count", "2")
                                    .body("id", contains((int) newer, (int) older));
                        }
                    """ : """

                        @Test
                        void anyoneReadsButOnlyAdminsWrite() {
                            long id = create(writer());
                            given().get(PATH + "/" + id).then().statusCode(200).header("ETag", "\\"0\\"");
                            given().get(PATH).then().statusCode(200);
                            given().contentType(ContentType.JSON).body(valid()).post(PATH).then().statusCode(401);
                            Account user = Accounts.newUser("user");
                            user.request().body(valid()).post(PATH).then().statusCode(403);
                            user.request().body(Map.of()).put(PATH + "/" + id).then().statusCode(403);
                            user.request().delete(PATH + "/" + id).then().statusCode(403);
                        }
                    """;
            Set<String> imports = new TreeSet<>(List.of("static org.hamcrest.Matchers.equalTo",
                    "static org.hamcrest.Matchers.hasItem", "static org.hamcrest.Matchers.hasItems",
                    "static org.hamcrest.Matchers.notNullValue", "java.util.HashMap", "java.util.Map",
                    "org.junit.jupiter.api.Test", "com.chosen.api.support.Accounts",
                    "com.chosen.api.support.Accounts.Account", "io.quarkus.test.junit.QuarkusTest"));
            if (owned) {
                imports.add("static org.hamcrest.Matchers.contains");
            } else {
                imports.add("static io.restassured.RestAssured.given");
                imports.add("io.restassured.http.ContentType");
            }
            String testImports = imports.stream().filter(i -> i.startsWith("static "))
                    .map(i -> "import " + i + ";").collect(Collectors.joining("\n")) + "\n\n"
                    + imports.stream().filter(i -> !i.startsWith("static ")).map(i -> "import " + i + ";")
                    .collect(Collectors.joining("\n"));
            return """
                    package com.chosen.api.%1$s;

                    %2$s

                    /** The %3$s API, as generated by scripts/AddTable.java: extend it with the table's own rules. */
                    @QuarkusTest
                    class %4$sApiTest {

                        private static final String PATH = "%5$s";

                        private static Map<String, Object> valid() {
                            Map<String, Object> body = new HashMap<>();
                    %6$s        return body;
                        }

                        private static Account writer() {
                            return %7$s;
                        }

                        private static long create(Account writer) {
                            return writer.request().body(valid()).post(PATH).then().statusCode(201)
                                    .extract().jsonPath().getLong("id");
                        }

                        @Test
                        void creatingAnswers201WithLocationAndETag() {
                            Account writer = writer();
                            long id = writer.request().body(valid()).post(PATH).then().statusCode(201)
                                    .header("Location", notNullValue())
                                    .header("ETag", "\\"0\\"")%8$s
                                    .extract().jsonPath().getLong("id");
                            writer.request().get(PATH + "/" + id).then().statusCode(200)%9$s
                                    .body("created_at", notNullValue());
                        }
                    %10$s%11$s
                        @Test
                        void partialUpdateChangesOnlyThePresentFields() {
                            Account writer = writer();
                            long id = create(writer);
                            writer.request().body(Map.of("%12$s", %13$s)).put(PATH + "/" + id).then().statusCode(200)
                                    .header("ETag", "\\"1\\"")
                                    .body("%12$s", equalTo(%14$s))%15$s;
                    %16$s    }

                        @Test
                        void aStaleIfMatchIs412() {
                            Account writer = writer();
                            long id = create(writer);
                            writer.request().header("If-Match", "\\"7\\"").body(Map.of()).put(PATH + "/" + id).then().statusCode(412);
                        }

                        @Test
                        void deletingAnswers204AndTheRowIsGone() {
                            Account writer = writer();
                            long id = create(writer);
                            writer.request().delete(PATH + "/" + id).then().statusCode(204);
                            writer.request().get(PATH + "/" + id).then().statusCode(404);
                        }
                    %17$s}
                    """.formatted(t.pkg(), testImports, t.human(), e, path, valid,
                    owned ? "Accounts.newUser(\"writer\")" : "Accounts.newAdmin(\"writer\")",
                    echoes, echoes, requiredCheck, boundsTest, first.column(), sample(first, 1), expected(first, 1),
                    unchanged, nullRequired, access);
        }

        /** A valid value of a field, as Java source; variant 0 and 1 differ. */
        private String sample(Field f, int variant) {
            return switch (f.type()) {
                case STRING, TEXT -> "\"" + (variant == 0 ? "a" : "b") + "\".repeat(" + Math.max(1, f.minLength()) + ")";
                case INT -> String.valueOf(intSample(f, variant));
                case DECIMAL -> decimalSample(f, variant).toPlainString();
                case BOOL -> String.valueOf(variant == 0);
                case DATETIME -> variant == 0 ? "\"2026-11-21T10:00:00Z\"" : "\"2026-11-22T10:00:00Z\"";
            };
        }

        /** What the API answers for {@link #sample}, as a Hamcrest operand. */
        private String expected(Field f, int variant) {
            return f.type() == Type.DECIMAL ? decimalSample(f, variant).toPlainString() + "f" : sample(f, variant);
        }

        private long intSample(Field f, int variant) {
            long low = f.min() != null ? f.min().longValueExact() : f.max() != null ? Math.min(1, f.max().longValueExact()) : 1;
            long other = f.max() == null || low + 1 <= f.max().longValueExact() ? low + 1 : low - 1;
            return variant == 0 ? low : other;
        }

        private BigDecimal decimalSample(Field f, int variant) {
            BigDecimal half = new BigDecimal("0.5");
            BigDecimal low = f.min() != null ? f.min().add(half) : f.max() != null ? f.max().subtract(half) : new BigDecimal("1.5");
            if (f.max() != null && low.compareTo(f.max()) > 0) {
                low = f.max();
            }
            BigDecimal other = f.max() == null || low.add(half).compareTo(f.max()) <= 0 ? low.add(half) : low.subtract(half);
            return variant == 0 ? low : other;
        }

        /** Values just outside a field's bounds, as Java source. */
        private List<String> outside(Field f) {
            List<String> values = new ArrayList<>();
            switch (f.type()) {
                case STRING, TEXT -> {
                    values.add("\"x\".repeat(" + (f.maxLength() + 1) + ")");
                    if (f.minLength() > 0) {
                        values.add("\"x\".repeat(" + (f.minLength() - 1) + ")");
                    }
                }
                case INT -> {
                    if (f.min() != null) {
                        values.add(String.valueOf(f.min().longValueExact() - 1));
                    }
                    if (f.max() != null) {
                        values.add(String.valueOf(f.max().longValueExact() + 1));
                    }
                }
                case DECIMAL -> {
                    if (f.min() != null) {
                        values.add(f.min().subtract(new BigDecimal("0.5")).toPlainString());
                    }
                    if (f.max() != null) {
                        values.add(f.max().add(new BigDecimal("0.5")).toPlainString());
                    }
                }
                default -> { }
            }
            return values;
        }

        // ---------------------------------------------------------------- helpers

        private String base() {
            return t.kind() == Kind.OWNED ? "OwnedEntity" : "AuditedEntity";
        }

        private boolean has(Type type) {
            return t.fields().stream().anyMatch(f -> f.type() == type);
        }

        private List<String> rules(Field f, Set<String> imports) {
            List<String> rules = new ArrayList<>();
            switch (f.type()) {
                case STRING, TEXT -> {
                    imports.add("com.chosen.api.kernel.request.TextLength");
                    rules.add(f.minLength() > 0 ? "@TextLength(min = " + f.minLength() + ", max = " + f.maxLength() + ")"
                            : "@TextLength(max = " + f.maxLength() + ")");
                }
                case INT -> {
                    if (f.min() != null) {
                        imports.add("jakarta.validation.constraints.Min");
                        rules.add("@Min(" + f.min().toPlainString() + ")");
                    }
                    if (f.max() != null) {
                        imports.add("jakarta.validation.constraints.Max");
                        rules.add("@Max(" + f.max().toPlainString() + ")");
                    }
                }
                case DECIMAL -> {
                    if (f.min() != null) {
                        imports.add("jakarta.validation.constraints.DecimalMin");
                        rules.add("@DecimalMin(\"" + f.min().toPlainString() + "\")");
                    }
                    if (f.max() != null) {
                        imports.add("jakarta.validation.constraints.DecimalMax");
                        rules.add("@DecimalMax(\"" + f.max().toPlainString() + "\")");
                    }
                }
                default -> { }
            }
            return rules;
        }

        private String header(Set<String> imports) {
            StringJoiner java = new StringJoiner("\n");
            StringJoiner jakarta = new StringJoiner("\n");
            StringJoiner org = new StringJoiner("\n");
            StringJoiner com = new StringJoiner("\n");
            StringJoiner io = new StringJoiner("\n");
            for (String i : imports) {
                StringJoiner group = i.startsWith("java.") ? java : i.startsWith("jakarta.") ? jakarta
                        : i.startsWith("org.") ? org : i.startsWith("com.") ? com : io;
                group.add("import " + i + ";");
            }
            String groups = Stream.of(java, jakarta, org, com, io).map(StringJoiner::toString).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining("\n\n"));
            return "package com.chosen.api." + t.pkg() + ";\n\n" + groups + "\n\n";
        }

        private static String wrap(List<String> items, int indent) {
            StringBuilder out = new StringBuilder();
            int column = indent;
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i) + (i < items.size() - 1 ? "," : "");
                if (column + item.length() > 110 && i > 0) {
                    out.append('\n').append(" ".repeat(indent));
                    column = indent;
                } else if (i > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(item);
                column += item.length();
            }
            return out.toString();
        }

        /** {@code gym_visits} as {@code GymVisits}, for operation ids. */
        private static String camel(String snake) {
            StringBuilder camel = new StringBuilder();
            for (String word : snake.split("_")) {
                camel.append(capitalize(word));
            }
            return camel.toString();
        }

        private static String capitalize(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String read(Path path) {
            try {
                return Files.readString(path);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static void create(Path path, String content) {
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, content, java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static void writeFile(Path path, String content) {
            try {
                Files.writeString(path, content);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
