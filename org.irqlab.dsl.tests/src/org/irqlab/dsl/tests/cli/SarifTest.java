package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.ide.IrqLabIdeSetup;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** `irqlab check --format sarif`, validated against the OASIS SARIF 2.1.0 schema. */
public class SarifTest {

	/** As the standalone jar runs it: with the IDE injector, whose fixes are the editor's quick fixes. */
	private static CliRun withFixes(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
				() -> new IrqLabIdeSetup().createInjectorAndDoEMFRegistration());
		return new CliRun(code, out.toString(), err.toString());
	}

	private static Path seed() {
		return CliRun.examples().resolve("seed-incident.irqlab");
	}

	@Test
	void theSeedIsAValidLogWithRulesResultsAndFixes() throws IOException {
		CliRun run = withFixes("check", "--format", "sarif", seed().toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		JsonObject log = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(List.of(), Draft4.validate(log, schema()), "valid SARIF 2.1.0");
		assertEquals("2.1.0", log.get("version").getAsString());
		JsonObject runObject = log.getAsJsonArray("runs").get(0).getAsJsonObject();
		JsonArray results = runObject.getAsJsonArray("results");
		JsonObject failure = null;
		for (JsonElement each : results) {
			if (each.getAsJsonObject().get("ruleId").getAsString().equals("deviceProbeFails")) {
				failure = each.getAsJsonObject();
			}
		}
		assertTrue(failure != null, run.out());
		assertEquals("error", failure.get("level").getAsString());
		assertTrue(failure.getAsJsonObject("message").get("text").getAsString().contains("fail to probe"), failure.toString());
		JsonObject location = failure.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
		assertEquals(seed().toAbsolutePath().normalize().toString(), location.getAsJsonObject("artifactLocation").get("uri").getAsString()
				.replace("file://", ""), "an absolute path as a file URI");
		assertEquals(33, location.getAsJsonObject("region").get("startLine").getAsInt());
		JsonArray fixes = failure.getAsJsonArray("fixes");
		assertTrue(fixes != null && fixes.size() >= 2, failure.toString());
		String text = Files.readString(seed());
		boolean managedFalse = false;
		for (JsonElement fix : fixes) {
			JsonObject replacement = fix.getAsJsonObject().getAsJsonArray("artifactChanges").get(0).getAsJsonObject()
					.getAsJsonArray("replacements").get(0).getAsJsonObject();
			int offset = replacement.getAsJsonObject("deletedRegion").get("charOffset").getAsInt();
			assertTrue(offset >= 0 && offset <= text.length());
			managedFalse |= replacement.has("insertedContent")
					&& replacement.getAsJsonObject("insertedContent").get("text").getAsString().contains("managed false");
		}
		assertTrue(managedFalse, "the editor's quick fix: managed false");
	}

	@Test
	void relativePathsAreRelativeToSrcroot() throws IOException {
		Path here = Path.of("").toAbsolutePath();
		Path relative = here.relativize(seed().toAbsolutePath().normalize());

		CliRun run = CliRun.of("check", "--format", "sarif", relative.toString());

		JsonObject log = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(List.of(), Draft4.validate(log, schema()));
		JsonObject runObject = log.getAsJsonArray("runs").get(0).getAsJsonObject();
		JsonObject artifact = runObject.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations").get(0)
				.getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
		assertEquals("SRCROOT", artifact.get("uriBaseId").getAsString());
		assertEquals(relative.toString().replace('\\', '/'), artifact.get("uri").getAsString());
		assertFalse(run.out().contains("\"fixes\""), "no fixes without the IDE injector (the runtime alone has none)");
	}

	@Test
	void syntaxErrorsAndUnreadableFilesAreResultsToo() throws IOException {
		Path broken = Files.writeString(Files.createTempDirectory("sarif").resolve("broken file.irqlab"), "machine m {\n  cpus\n}\n");

		CliRun run = withFixes("check", "--format", "sarif", broken.toString(), broken.resolveSibling("absent.irqlab").toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		JsonObject log = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(List.of(), Draft4.validate(log, schema()));
		String out = run.out();
		assertTrue(out.contains("\"ruleId\": \"syntaxError\""), out);
		assertTrue(out.contains("broken%20file.irqlab"), out);
		assertTrue(out.contains("cannot read: no such file"), out);
	}

	@Test
	void everyIssueCodeHasARuleWithHelpAndTheDocsTableListsThem() throws Exception {
		CliRun run = CliRun.of("check", "--format", "sarif", seed().toString());
		JsonArray rules = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
				.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
		Set<String> ruleIds = new TreeSet<>();
		for (JsonElement rule : rules) {
			ruleIds.add(rule.getAsJsonObject().get("id").getAsString());
			assertFalse(rule.getAsJsonObject().getAsJsonObject("help").get("text").getAsString().isBlank());
		}
		Set<String> codes = new TreeSet<>();
		for (Field field : IssueCodes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				codes.add(((String) field.get(null)).substring("org.irqlab.dsl.".length()));
			}
		}
		Set<String> documented = new TreeSet<>();
		Matcher row = Pattern.compile("(?m)^\\| (`\\w+`(?:, `\\w+`)*) \\|").matcher(Files.readString(
				CliRun.examples().toAbsolutePath().normalize().resolveSibling("docs").resolve("cli.md")));
		while (row.find()) {
			for (String code : row.group(1).split(", ")) {
				String id = code.replace("`", "");
				if (codes.contains(id)) {
					documented.add(id);
				}
			}
		}
		assertEquals(codes, documented, "docs/cli.md's issue-code table");
		Set<String> missing = new TreeSet<>(codes);
		missing.removeAll(ruleIds);
		assertEquals(Set.of(), missing, "a SARIF rule for every issue code");
	}

	@Test
	void theValidatorRejectsWhatTheSchemaForbids() throws IOException {
		JsonObject log = JsonParser.parseString(CliRun.of("check", "--format", "sarif", seed().toString()).out()).getAsJsonObject();
		log.remove("version");
		JsonObject result = log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
		result.addProperty("level", "fatal");
		result.addProperty("unknownProperty", 1);
		List<String> errors = Draft4.validate(log, schema());
		assertTrue(errors.stream().anyMatch(e -> e.contains("version")), errors.toString());
		assertTrue(errors.stream().anyMatch(e -> e.contains("fatal")), errors.toString());
		assertTrue(errors.stream().anyMatch(e -> e.contains("unknownProperty")), errors.toString());
	}

	private static JsonObject schema() throws IOException {
		Path file = CliRun.examples().toAbsolutePath().normalize().resolveSibling("org.irqlab.dsl.tests")
				.resolve("resources/sarif/sarif-schema-2.1.0.json");
		return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
	}

	/** JSON Schema draft 04, the keywords the SARIF schema uses; any other keyword fails the validation. */
	static final class Draft4 {

		private static final Set<String> KEYWORDS = Set.of("$schema", "id", "title", "description", "default", "type", "$ref",
				"properties", "items", "uniqueItems", "minItems", "additionalProperties", "required", "minimum", "maximum",
				"pattern", "format", "enum", "anyOf", "oneOf", "definitions");

		private final JsonObject root;
		private final List<String> errors = new ArrayList<>();

		private Draft4(JsonObject root) {
			this.root = root;
		}

		static List<String> validate(JsonElement instance, JsonObject schema) {
			Draft4 validator = new Draft4(schema);
			validator.check(instance, schema, "$");
			return validator.errors;
		}

		private void check(JsonElement instance, JsonObject schema, String path) {
			for (String keyword : schema.keySet()) {
				if (!KEYWORDS.contains(keyword)) {
					errors.add(path + ": the schema uses " + keyword + ", which this validator does not implement");
				}
			}
			if (schema.has("$ref")) {
				String ref = schema.get("$ref").getAsString();
				if (!ref.startsWith("#/definitions/")) {
					errors.add(path + ": unsupported $ref " + ref);
					return;
				}
				check(instance, root.getAsJsonObject("definitions").getAsJsonObject(ref.substring("#/definitions/".length())), path);
				return;
			}
			if (schema.has("type")) {
				JsonElement type = schema.get("type");
				List<String> types = new ArrayList<>();
				if (type.isJsonArray()) {
					type.getAsJsonArray().forEach(t -> types.add(t.getAsString()));
				} else {
					types.add(type.getAsString());
				}
				if (types.stream().noneMatch(t -> isOfType(instance, t))) {
					errors.add(path + ": " + instance + " is not of type " + types);
					return;
				}
			}
			if (schema.has("enum")) {
				boolean found = false;
				for (JsonElement value : schema.getAsJsonArray("enum")) {
					found |= value.equals(instance);
				}
				if (!found) {
					errors.add(path + ": " + instance + " is not one of " + schema.get("enum"));
				}
			}
			if (instance.isJsonObject()) {
				JsonObject object = instance.getAsJsonObject();
				JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
				if (schema.has("required")) {
					for (JsonElement name : schema.getAsJsonArray("required")) {
						if (!object.has(name.getAsString())) {
							errors.add(path + ": required property " + name.getAsString() + " is missing");
						}
					}
				}
				for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
					String where = path + "." + entry.getKey();
					if (properties.has(entry.getKey())) {
						check(entry.getValue(), properties.getAsJsonObject(entry.getKey()), where);
					} else if (schema.has("additionalProperties")) {
						JsonElement additional = schema.get("additionalProperties");
						if (additional.isJsonPrimitive() && !additional.getAsBoolean()) {
							errors.add(where + ": property " + entry.getKey() + " is not allowed");
						} else if (additional.isJsonObject()) {
							check(entry.getValue(), additional.getAsJsonObject(), where);
						}
					}
				}
			}
			if (instance.isJsonArray()) {
				JsonArray array = instance.getAsJsonArray();
				if (schema.has("minItems") && array.size() < schema.get("minItems").getAsInt()) {
					errors.add(path + ": fewer than " + schema.get("minItems") + " items");
				}
				if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()
						&& new HashSet<>(array.asList()).size() != array.size()) {
					errors.add(path + ": items are not unique");
				}
				if (schema.has("items")) {
					for (int i = 0; i < array.size(); i++) {
						check(array.get(i), schema.getAsJsonObject("items"), path + "[" + i + "]");
					}
				}
			}
			if (instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isNumber()) {
				double value = instance.getAsDouble();
				if (schema.has("minimum") && value < schema.get("minimum").getAsDouble()) {
					errors.add(path + ": " + value + " is below " + schema.get("minimum"));
				}
				if (schema.has("maximum") && value > schema.get("maximum").getAsDouble()) {
					errors.add(path + ": " + value + " is above " + schema.get("maximum"));
				}
			}
			if (instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isString()) {
				String value = instance.getAsString();
				if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").getAsString()).matcher(value).find()) {
					errors.add(path + ": " + value + " does not match " + schema.get("pattern"));
				}
				if (schema.has("format") && schema.get("format").getAsString().startsWith("uri")) {
					try {
						java.net.URI uri = new java.net.URI(value);
						if (schema.get("format").getAsString().equals("uri") && !uri.isAbsolute()) {
							errors.add(path + ": " + value + " is not an absolute URI");
						}
					} catch (java.net.URISyntaxException e) {
						errors.add(path + ": " + value + " is not a URI: " + e.getMessage());
					}
				}
			}
			if (schema.has("anyOf")) {
				boolean any = false;
				for (JsonElement option : schema.getAsJsonArray("anyOf")) {
					any |= validate(instance, option.getAsJsonObject(), root).isEmpty();
				}
				if (!any) {
					errors.add(path + ": matches none of anyOf");
				}
			}
			if (schema.has("oneOf")) {
				int matching = 0;
				for (JsonElement option : schema.getAsJsonArray("oneOf")) {
					matching += validate(instance, option.getAsJsonObject(), root).isEmpty() ? 1 : 0;
				}
				if (matching != 1) {
					errors.add(path + ": matches " + matching + " of oneOf, not exactly one");
				}
			}
		}

		private static List<String> validate(JsonElement instance, JsonObject schema, JsonObject root) {
			Draft4 validator = new Draft4(root);
			validator.check(instance, schema, "$");
			return validator.errors;
		}

		private static boolean isOfType(JsonElement instance, String type) {
			return switch (type) {
				case "object" -> instance.isJsonObject();
				case "array" -> instance.isJsonArray();
				case "string" -> instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isString();
				case "boolean" -> instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isBoolean();
				case "null" -> instance.isJsonNull();
				case "number" -> instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isNumber();
				case "integer" -> instance.isJsonPrimitive() && instance.getAsJsonPrimitive().isNumber()
						&& instance.getAsDouble() == Math.rint(instance.getAsDouble());
				default -> false;
			};
		}
	}
}
