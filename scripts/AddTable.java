import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds a table to Chosen API in one command: the feature package (entity, request and response
 * records, resource), a Liquibase changeset with its rollback included at the end of the changelog,
 * an API test, and for an owned table its entry in {@code OwnershipTest.OwnedTable}, which tests who
 * may act on whose rows for every owned table. What it writes is the templates in
 * {@code scripts/add-table/}, which read like their output (syntax and names: the README there);
 * this file only parses the command line, builds the model the templates name, and renders them.
 * {@code AddTableTest} proves that the templates write the hand-written workouts, questionnaires and
 * categories. Run from the repository root with nothing but the JDK:
 *
 * <pre>
 *   java scripts/AddTable.java runs owned name:string:1..100 notes:text? distance_km:decimal:>=0 done_at:datetime
 *   java scripts/AddTable.java gyms catalog name:string:1..100 capacity:int?:1..5000 kind:enum:indoor,outdoor
 * </pre>
 *
 * A field is {@code name:type[?][:bounds]}: types string (needs a max length), text, int, decimal,
 * bool, datetime, enum (its values instead of bounds); {@code ?} makes it optional; bounds are
 * {@code min..max}, {@code >=min} or {@code <=max} (lengths in characters for string and text). It
 * refuses to overwrite anything.
 */
public class AddTable {

    static final String TEMPLATES = "scripts/add-table";
    static final String CHANGELOG = "src/main/resources/db/changelog.xml";
    static final String CHANGES = "src/main/resources/db/changes";
    static final String OWNERSHIP_TEST = "src/test/java/com/chosen/api/kernel/rows/OwnershipTest.java";

    private static final Set<String> RESERVED = Set.of("id", "user_id", "created_at", "updated_at", "version");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "false",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "null", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "true", "try", "var",
            "void", "volatile", "while", "record", "yield");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern FIELD = Pattern.compile("([^:]+):([a-z]+)(\\?)?(?::(.+))?");
    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+)?\\.\\.(-?[0-9.]+)?");
    private static final int DEFAULT_TEXT_LENGTH = 2000;
    /** Room for the values an enum column may gain later. */
    private static final int ENUM_LENGTH = 32;

    enum Kind { OWNED, CATALOG }

    enum Type {
        STRING("String", "String", "varchar"), TEXT("String", "String", "varchar"), INT("Integer", "Integer", "int"),
        DECIMAL("Double", "Double", "double precision"), BOOL("Boolean", "Boolean", "boolean"),
        DATETIME("OffsetDateTime", "Instant", "timestamptz"), ENUM("String", "String", "varchar");

        final String requestType;
        final String entityType;
        final String columnType;

        Type(String requestType, String entityType, String columnType) {
            this.requestType = requestType;
            this.entityType = entityType;
            this.columnType = columnType;
        }

        boolean isText() {
            return this == STRING || this == TEXT;
        }
    }

    record Field(String column, Type type, boolean optional, BigDecimal min, BigDecimal max, List<String> values) {

        String java() {
            return camel(column, false);
        }

        /** The enum of an enum field, named after the column: {@code experience_level} is {@code ExperienceLevel}. */
        String enumName() {
            return camel(column, true);
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

        /** The name of one row in code: {@code workout}, {@code bodyMeasurement}. */
        String variable() {
            return Character.toLowerCase(entity.charAt(0)) + entity.substring(1);
        }

        String human() {
            return name.replace('_', ' ');
        }

        String humanOne() {
            return String.join(" ", splitCamel(entity)).toLowerCase(Locale.ROOT);
        }

        List<Field> enums() {
            return fields.stream().filter(f -> f.type() == Type.ENUM).toList();
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole command, without exiting: 0 when the table was added, 2 for bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
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
            out.println("Added table " + table.name() + " (" + table.kind().name().toLowerCase(Locale.ROOT) + "):");
            written.forEach(path -> out.println("  " + repository.relativize(path)));
            String tests = table.kind() == Kind.OWNED ? table.entity() + "ApiTest,OwnershipTest" : table.entity() + "ApiTest";
            out.println("Next: ./mvnw test -Dtest='" + tests + ",OpenApiDocumentTest,SchemaHistoryTest', "
                    + "add the table's own rules, and commit.");
            return 0;
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("add-table: " + e.getMessage());
            }
            err.println("""
                    usage: java scripts/AddTable.java [--root DIR] [--entity Name] TABLE owned|catalog FIELD...
                      TABLE   plural snake_case table name, e.g. runs or body_measurements
                      owned   rows belong to a user (owner or admin may act on them)
                      catalog rows are read by anyone and written by admins
                      FIELD   name:type[?][:bounds]
                              types: string (needs a max length), text, int, decimal, bool, datetime,
                                     enum (its values instead of bounds: goal:enum:lose_weight,build_muscle)
                              ?      optional (nullable); without it the field is required
                              bounds min..max, >=min or <=max (lengths in characters for string/text)
                    example: java scripts/AddTable.java runs owned name:string:1..100 notes:text? \\
                                 distance_km:decimal:>=0 done_at:datetime effort:enum?:easy,steady,hard""");
            return 2;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    // ---------------------------------------------------------------- parsing

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
        Table table = new Table(name, entity, kind, fields);
        for (Field field : fields) {
            if (field.java().equals(table.variable())) {
                throw new UsageException("field '" + field.column() + "' has the name the code gives a row of "
                        + name + "; rename the field or pass --entity");
            }
            if (field.type() == Type.ENUM && field.enumName().equals(entity)) {
                throw new UsageException("enum field '" + field.column() + "' would share its class name with the entity");
            }
        }
        return table;
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
        if (JAVA_KEYWORDS.contains(camel(column, false))) {
            throw new UsageException("field '" + column + "' is a Java keyword; pick another name");
        }
        Type type;
        try {
            type = Type.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("field '" + column + "' has unknown type '" + m.group(2)
                    + "'; use string, text, int, decimal, bool, datetime or enum");
        }
        boolean optional = m.group(3) != null;
        String bounds = m.group(4);
        if (type == Type.ENUM) {
            return new Field(column, type, optional, null, null, enumValues(column, bounds));
        }
        BigDecimal min = null;
        BigDecimal max = null;
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
        return new Field(column, type, optional, min, max, List.of());
    }

    private static List<String> enumValues(String column, String spec) {
        if (spec == null) {
            throw new UsageException("field '" + column + "' is an enum: list its values, e.g. "
                    + column + ":enum:easy,steady,hard");
        }
        List<String> values = List.of(spec.split(",", -1));
        for (String value : values) {
            if (!SNAKE.matcher(value).matches() || value.length() > ENUM_LENGTH) {
                throw new UsageException("enum value '" + value + "' of field '" + column
                        + "' must be snake_case and at most " + ENUM_LENGTH + " characters");
            }
        }
        if (new TreeSet<>(values).size() != values.size()) {
            throw new UsageException("field '" + column + "' lists a value twice");
        }
        return values;
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
            out.append(out.length() == 0 && !upperFirst ? part : capitalize(part));
        }
        return out.toString();
    }

    static List<String> splitCamel(String camel) {
        return List.of(camel.split("(?<=[a-z0-9])(?=[A-Z])"));
    }

    static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---------------------------------------------------------------- the model the templates name

    /** Every name the templates use, documented in scripts/add-table/README.md. */
    static Map<String, Object> model(Table t, String changeId) {
        Map<String, Object> model = new HashMap<>();
        model.put("package", t.pkg());
        model.put("Entity", t.entity());
        model.put("entity", t.variable());
        model.put("alias", t.variable().substring(0, 1));
        model.put("table", t.name());
        model.put("TABLE", t.name().toUpperCase(Locale.ROOT));
        model.put("path", t.name().replace('_', '-'));
        model.put("Entities", camel(t.name(), true));
        model.put("Tag", capitalize(t.human()));
        model.put("things", t.human());
        model.put("thing", t.humanOne());
        model.put("aThing", ("aeio".indexOf(t.humanOne().charAt(0)) >= 0 ? "an " : "a ") + t.humanOne());
        model.put("owned", t.kind() == Kind.OWNED);
        model.put("changeId", changeId);
        List<Map<String, Object>> fields = t.fields().stream().map(AddTable::model).toList();
        model.put("fields", fields);
        List<Map<String, Object>> required = fields.stream().filter(f -> (Boolean) f.get("required")).toList();
        model.put("requiredFields", required);
        model.put("hasRequiredFields", !required.isEmpty());
        model.put("hasRefusedValues", fields.stream().anyMatch(f -> !((List<?>) f.get("refused")).isEmpty()));
        Map<String, Object> changed = new HashMap<>(fields.get(0));
        changed.put("unchanged", fields.size() > 1 ? fields.get(1) : false);
        model.put("changed", changed);
        model.put("changedField", changed.get("column"));
        model.put("changedValue", changed.get("otherExpected"));
        List<String> validRow = required.stream().map(f -> "\"" + f.get("column") + "\", " + f.get("sample")).toList();
        model.put("validRow", validRow.size() <= 10 ? "Map.of(" + String.join(", ", validRow) + ")"
                : validRow.stream().map(pair -> "Map.entry(" + pair + ")").collect(Collectors.joining(", ", "Map.ofEntries(", ")")));
        return model;
    }

    /** A field's names: fragments that end in an annotation end in a space, so that an empty one leaves none. */
    static Map<String, Object> model(Field f) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", f.java());
        model.put("column", f.column());
        model.put("required", !f.optional());
        model.put("datetime", f.type() == Type.DATETIME);
        model.put("requestType", f.type().requestType);
        model.put("entityType", f.type().entityType);
        model.put("responseType", responseType(f));
        model.put("columnType", f.type().isText() ? "varchar(" + f.maxLength() + ")"
                : f.type() == Type.ENUM ? "varchar(" + ENUM_LENGTH + ")" : f.type().columnType);
        model.put("columnAnnotation", columnAnnotation(f));
        model.put("rules", rules(f).stream().map(rule -> rule + " ").collect(Collectors.joining()));
        String ref = f.type() == Type.ENUM ? "ref = \"" + f.enumName() + "\"" : null;
        model.put("createSchema", schema(ref, f.optional() ? "nullable = true" : ref != null ? "required = true" : null,
                f.type() == Type.DATETIME ? "description = \"ISO-8601 date-time with offset; kept to the microsecond\"" : null));
        model.put("changesSchema", schema(ref, f.optional() ? null : "nullable = false"));
        model.put("responseSchema", schema(ref, f.optional() ? "nullable = true" : null));
        model.put("sample", sample(f, 0));
        model.put("expected", expected(f, 0));
        model.put("otherSample", sample(f, 1));
        model.put("otherExpected", expected(f, 1));
        model.put("refused", refused(f).stream().map(value -> Map.<String, Object>of("value", value)).toList());
        model.put("Enum", f.enumName());
        model.put("values", f.values().stream()
                .map(value -> Map.<String, Object>of("value", value, "constant", value.toUpperCase(Locale.ROOT))).toList());
        return model;
    }

    /** Required numbers and flags are primitives in the answer: the column is never null. */
    private static String responseType(Field f) {
        if (f.optional()) {
            return f.type().entityType;
        }
        return switch (f.type()) {
            case INT -> "int";
            case DECIMAL -> "double";
            case BOOL -> "boolean";
            default -> f.type().entityType;
        };
    }

    /** The column's name only where it is not the field's, as the hand-written entities do. */
    private static String columnAnnotation(Field f) {
        List<String> attributes = new ArrayList<>();
        if (!f.column().equals(f.java())) {
            attributes.add("name = \"" + f.column() + "\"");
        }
        if (!f.optional()) {
            attributes.add("nullable = false");
        }
        if (f.type().isText()) {
            attributes.add("length = " + f.maxLength());
        } else if (f.type() == Type.ENUM) {
            attributes.add("length = " + ENUM_LENGTH);
        }
        return attributes.isEmpty() ? "@Column" : "@Column(" + String.join(", ", attributes) + ")";
    }

    private static String schema(String... attributes) {
        List<String> present = Stream.of(attributes).filter(a -> a != null).toList();
        return present.isEmpty() ? "" : "@Schema(" + String.join(", ", present) + ") ";
    }

    /** The validation rules of a value, as annotations. */
    private static List<String> rules(Field f) {
        List<String> rules = new ArrayList<>();
        switch (f.type()) {
            case STRING, TEXT -> rules.add(f.minLength() > 0
                    ? "@TextLength(min = " + f.minLength() + ", max = " + f.maxLength() + ")"
                    : "@TextLength(max = " + f.maxLength() + ")");
            case INT, DECIMAL -> {
                boolean whole = f.type() == Type.INT;
                if (f.min() != null) {
                    rules.add(f.min().signum() == 0 ? "@PositiveOrZero"
                            : whole ? "@Min(" + f.min().toPlainString() + ")" : "@DecimalMin(\"" + f.min().toPlainString() + "\")");
                }
                if (f.max() != null) {
                    rules.add(whole ? "@Max(" + f.max().toPlainString() + ")" : "@DecimalMax(\"" + f.max().toPlainString() + "\")");
                }
            }
            case ENUM -> rules.add("@OneOf(" + f.enumName() + ".class)");
            default -> { }
        }
        return rules;
    }

    // ---------------------------------------------------------------- values for the generated test

    /** A valid value of a field, as Java source; variant 0 and 1 differ where the rules allow. */
    private static String sample(Field f, int variant) {
        return switch (f.type()) {
            case STRING, TEXT -> "\"" + (variant == 0 ? "a" : "b") + "\".repeat(" + Math.max(1, f.minLength()) + ")";
            case INT -> String.valueOf(intSample(f, variant));
            case DECIMAL -> decimalSample(f, variant).toPlainString();
            case BOOL -> String.valueOf(variant == 0);
            case DATETIME -> variant == 0 ? "\"2026-11-21T10:00:00Z\"" : "\"2026-11-22T10:00:00Z\"";
            case ENUM -> "\"" + f.values().get(variant % f.values().size()) + "\"";
        };
    }

    /** What the API answers for {@link #sample}, as a Hamcrest operand (rest-assured reads decimals as floats). */
    private static String expected(Field f, int variant) {
        return f.type() == Type.DECIMAL ? decimalSample(f, variant).toPlainString() + "f" : sample(f, variant);
    }

    private static long intSample(Field f, int variant) {
        long low = f.min() != null ? f.min().longValueExact() : f.max() != null ? Math.min(1, f.max().longValueExact()) : 1;
        long other = f.max() == null || low + 1 <= f.max().longValueExact() ? low + 1 : low - 1;
        return variant == 0 ? low : other;
    }

    private static BigDecimal decimalSample(Field f, int variant) {
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal low = f.min() != null ? f.min().add(half) : f.max() != null ? f.max().subtract(half) : new BigDecimal("1.5");
        if (f.max() != null && low.compareTo(f.max()) > 0) {
            low = f.max();
        }
        BigDecimal other = f.max() == null || low.add(half).compareTo(f.max()) <= 0 ? low.add(half) : low.subtract(half);
        return variant == 0 ? low : other;
    }

    /** Values a field's rules refuse, as Java source. */
    private static List<String> refused(Field f) {
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
            case ENUM -> values.add("\"NOT_A_VALUE\"");
            default -> { }
        }
        return values;
    }

    // ---------------------------------------------------------------- writing

    /** Writes every file of one table, after checking that none of them exists yet. */
    static final class Generator {
        private final Path root;
        private final Table t;

        Generator(Path root, Table table) {
            this.root = root;
            this.t = table;
        }

        List<Path> write() {
            Path changelog = root.resolve(CHANGELOG);
            Path templates = root.resolve(TEMPLATES);
            if (!Files.exists(changelog) || !Files.isDirectory(templates)) {
                throw new UsageException("no " + CHANGELOG + " or " + TEMPLATES + "/ under " + root
                        + "; run from the repository root or pass --root");
            }
            String changelogText = read(changelog);
            if (tableExists(t.name())) {
                throw new UsageException("table " + t.name() + " already exists in the changelog");
            }
            Path ownershipTest = root.resolve(OWNERSHIP_TEST);
            if (t.kind() == Kind.OWNED && !Files.exists(ownershipTest)) {
                throw new UsageException("no " + OWNERSHIP_TEST + " under " + root + ": an owned table joins its OwnedTable");
            }
            Path main = root.resolve("src/main/java/com/chosen/api/" + t.pkg());
            if (Files.exists(main)) {
                throw new UsageException("package " + root.relativize(main) + " already exists; pick another table or --entity name");
            }
            Path test = root.resolve("src/test/java/com/chosen/api/" + t.pkg());
            String changeId = nextChangeNumber() + "-" + t.name().replace('_', '-');
            Map<String, Object> model = model(t, changeId);
            String e = t.entity();
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(main.resolve(e + ".java"), render("Entity.java.tmpl", model));
            files.put(main.resolve("New" + e + ".java"), render("NewEntity.java.tmpl", model));
            files.put(main.resolve(e + "Changes.java"), render("EntityChanges.java.tmpl", model));
            files.put(main.resolve(e + "Response.java"), render("EntityResponse.java.tmpl", model));
            files.put(main.resolve(e + "Resource.java"),
                    render(t.kind() == Kind.OWNED ? "OwnedEntityResource.java.tmpl" : "CatalogEntityResource.java.tmpl", model));
            for (Field f : t.enums()) {
                Map<String, Object> enumModel = new HashMap<>(model);
                enumModel.putAll(model(f));
                files.put(main.resolve(f.enumName() + ".java"), render("EnumField.java.tmpl", enumModel));
            }
            files.put(root.resolve(CHANGES).resolve(changeId + ".xml"), render("changeset.xml.tmpl", model));
            files.put(test.resolve(e + "ApiTest.java"), render("EntityApiTest.java.tmpl", model));
            List<String> existing = files.keySet().stream().filter(Files::exists).map(p -> root.relativize(p).toString()).toList();
            if (!existing.isEmpty()) {
                throw new UsageException("refusing to overwrite " + String.join(", ", existing));
            }
            List<String> schemaNames = new ArrayList<>(List.of(e, "New" + e, e + "Changes"));
            t.enums().forEach(f -> schemaNames.add(f.enumName()));
            requireFreeSchemaNames(schemaNames);
            files.forEach(Generator::create);
            int end = changelogText.lastIndexOf("</databaseChangeLog>");
            String include = "    <include file=\"db/changes/" + changeId + ".xml\"/>\n";
            writeFile(changelog, changelogText.substring(0, end) + include + changelogText.substring(end));
            List<Path> written = new ArrayList<>(files.keySet());
            written.add(changelog);
            if (t.kind() == Kind.OWNED) {
                writeFile(ownershipTest, withOwnedTable(read(ownershipTest), render("OwnedTable.java.tmpl", model)));
                written.add(ownershipTest);
            }
            return written;
        }

        private String render(String template, Map<String, Object> model) {
            String text = Template.parse(template, read(root.resolve(TEMPLATES).resolve(template))).render(model);
            return template.endsWith(".java.tmpl") ? Template.withUsedImports(text) : text;
        }

        /** The OpenAPI schema names the new records and enums take must be free, or the document would merge them. */
        private void requireFreeSchemaNames(List<String> names) {
            Path sources = root.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                return;
            }
            try (Stream<Path> all = Files.walk(sources)) {
                for (Path file : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = read(file);
                    for (String name : names) {
                        if (text.contains("@Schema(name = \"" + name + "\"")) {
                            throw new UsageException("the OpenAPI schema " + name + " exists already in "
                                    + root.relativize(file) + "; pick another --entity or field name");
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private boolean tableExists(String name) {
            try (Stream<Path> changes = Files.list(root.resolve(CHANGES))) {
                return changes.anyMatch(p -> read(p).contains("createTable tableName=\"" + name + "\""));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private String nextChangeNumber() {
            try (Stream<Path> changes = Files.list(root.resolve(CHANGES))) {
                int last = changes.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("\\d{3}-.*"))
                        .mapToInt(n -> Integer.parseInt(n.substring(0, 3))).max().orElse(0);
                return String.format("%03d", last + 1);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** {@code source} with {@code entry} as the last constant of {@code enum OwnedTable}. */
        static String withOwnedTable(String source, String entry) {
            String start = "enum OwnedTable {";
            int from = source.indexOf(start);
            if (from < 0) {
                throw new UsageException(OWNERSHIP_TEST + " has no " + start);
            }
            int end = endOfConstants(source, from + start.length());
            String before = source.substring(0, end).stripTrailing();
            return before + (before.endsWith(")") ? ",\n" : "\n") + entry.stripTrailing() + source.substring(end);
        }

        /** Where the constants of an enum end: the first {@code ;} outside parentheses and string literals. */
        private static int endOfConstants(String source, int from) {
            int depth = 0;
            boolean inString = false;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ';' && depth == 0) {
                    return i;
                }
            }
            throw new UsageException(OWNERSHIP_TEST + ": the constants of OwnedTable do not end with ';'");
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
                Files.writeString(path, content, StandardOpenOption.CREATE_NEW);
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

    // ---------------------------------------------------------------- templates

    /**
     * A template in the syntax of scripts/add-table/README.md, a small part of Mustache's:
     * {@code {{name}}} is a value; {@code {{#name}}...{{/name}}} repeats for each item of a list
     * (inside it, {@code first} and {@code last} tell where the item stands), enters a map, or
     * keeps its text when the value is true; {@code {{^name}}...{{/name}}} keeps its text when the
     * value is false or an empty list. A line that holds nothing but a section tag leaves no line.
     * A name the model lacks, or a tag that does not close, is an error rather than empty text.
     */
    static final class Template {
        private static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)([A-Za-z]+)}}");
        private static final Pattern STANDALONE = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/][A-Za-z]+}})[ \\t]*\\r?\\n");

        private record Value(String name) {
        }

        private record Section(String name, boolean inverted, List<Object> body) {
        }

        private final String name;
        private final List<Object> nodes;

        private Template(String name, List<Object> nodes) {
            this.name = name;
            this.nodes = nodes;
        }

        static Template parse(String name, String text) {
            String source = STANDALONE.matcher(text).replaceAll("$1");
            Deque<Section> open = new ArrayDeque<>();
            List<Object> top = new ArrayList<>();
            Matcher tag = TAG.matcher(source);
            int at = 0;
            while (tag.find()) {
                List<Object> into = open.isEmpty() ? top : open.peek().body();
                addText(name, into, source.substring(at, tag.start()));
                at = tag.end();
                String kind = tag.group(1);
                String key = tag.group(2);
                if (kind.isEmpty()) {
                    into.add(new Value(key));
                } else if (kind.equals("/")) {
                    if (open.isEmpty() || !open.peek().name().equals(key)) {
                        throw new IllegalStateException(name + ": {{/" + key + "}} closes no open {{#" + key + "}}");
                    }
                    open.pop();
                } else {
                    Section section = new Section(key, kind.equals("^"), new ArrayList<>());
                    into.add(section);
                    open.push(section);
                }
            }
            if (!open.isEmpty()) {
                throw new IllegalStateException(name + ": {{#" + open.peek().name() + "}} is never closed");
            }
            addText(name, top, source.substring(at));
            return new Template(name, top);
        }

        private static void addText(String name, List<Object> into, String text) {
            if (text.contains("{{")) {
                throw new IllegalStateException(name + ": malformed tag near '"
                        + text.substring(text.indexOf("{{"), Math.min(text.length(), text.indexOf("{{") + 30)) + "'");
            }
            into.add(text);
        }

        String render(Map<String, Object> model) {
            StringBuilder out = new StringBuilder();
            Deque<Map<String, ?>> scopes = new ArrayDeque<>();
            scopes.push(model);
            render(nodes, scopes, out);
            return out.toString();
        }

        private void render(List<Object> body, Deque<Map<String, ?>> scopes, StringBuilder out) {
            for (Object node : body) {
                if (node instanceof String text) {
                    out.append(text);
                } else if (node instanceof Value value) {
                    Object text = lookup(value.name(), scopes);
                    if (!(text instanceof String || text instanceof Number)) {
                        throw new IllegalStateException(name + ": {{" + value.name() + "}} is a section, not a value");
                    }
                    out.append(text);
                } else {
                    Section section = (Section) node;
                    List<Map<String, ?>> frames = frames(lookup(section.name(), scopes));
                    if (section.inverted()) {
                        if (frames.isEmpty()) {
                            render(section.body(), scopes, out);
                        }
                        continue;
                    }
                    for (Map<String, ?> frame : frames) {
                        scopes.push(frame);
                        render(section.body(), scopes, out);
                        scopes.pop();
                    }
                }
            }
        }

        /** What a section renders with, one frame per pass: none for false or an empty list. */
        private static List<Map<String, ?>> frames(Object value) {
            if (value instanceof Boolean flag) {
                return flag ? List.of(Map.of()) : List.of();
            }
            if (value instanceof Map<?, ?> map) {
                return List.of(strings(map));
            }
            List<?> items = (List<?>) value;
            List<Map<String, ?>> frames = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> frame = new HashMap<>(strings((Map<?, ?>) items.get(i)));
                frame.put("first", i == 0);
                frame.put("last", i == items.size() - 1);
                frames.add(frame);
            }
            return frames;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> strings(Map<?, ?> map) {
            return (Map<String, ?>) map;
        }

        private Object lookup(String key, Deque<Map<String, ?>> scopes) {
            for (Map<String, ?> scope : scopes) {
                if (scope.containsKey(key)) {
                    return scope.get(key);
                }
            }
            throw new IllegalStateException(name + ": {{" + key + "}} is not in the model");
        }

        /**
         * Java output without the imports it does not use: a template lists every import its
         * optional parts may need (all field types, owned and catalog), so that it reads like the
         * output; what a table leaves unused goes, and so do the blank lines it leaves behind.
         */
        static String withUsedImports(String java) {
            List<String> lines = java.lines().toList();
            String code = lines.stream().filter(line -> !line.startsWith("import ")).collect(Collectors.joining("\n"));
            StringBuilder out = new StringBuilder();
            boolean blank = false;
            for (String line : lines) {
                if (line.startsWith("import ")) {
                    String simpleName = line.substring(line.lastIndexOf('.') + 1, line.indexOf(';'));
                    if (!Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(code).find()) {
                        continue;
                    }
                }
                if (line.isBlank() && blank) {
                    continue;
                }
                blank = line.isBlank();
                out.append(line).append('\n');
            }
            return out.toString();
        }
    }
}
