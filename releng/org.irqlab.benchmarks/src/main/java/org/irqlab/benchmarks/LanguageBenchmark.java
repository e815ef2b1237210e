package org.irqlab.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.validation.IssueCodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.inject.Injector;

/**
 * What the editor and `irqlab check` do with a file once the injector exists: parse, link and
 * validate it in a fresh resource set. {@code *All} is the command line's validation (CheckMode.ALL);
 * {@code *Fast} leaves out the NORMAL checks, i.e. the headroom estimate at the end of each scenario,
 * so the difference is what the headroom costs; {@code largeParseLink} stops before validation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LanguageBenchmark {

    private Injector injector;
    private byte[] seed;
    private byte[] large;

    @Setup
    public void setUp() {
        injector = new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
        seed = example("seed-incident.irqlab");
        large = LargeModel.text(8192, 16, 4096, 64).getBytes(StandardCharsets.UTF_8);
        // Measuring a model that stopped at a syntax error or never reached the simulator would flatter us.
        expect("seed-incident", check(seed, CheckMode.ALL), IssueCodes.DEVICE_PROBE_FAILS, IssueCodes.HEADROOM);
        expect("large", check(large, CheckMode.ALL), IssueCodes.FALLBACK_SHARED_MSIX, IssueCodes.HEADROOM);
    }

    @Benchmark
    public List<Issue> seedAll() {
        return check(seed, CheckMode.ALL);
    }

    @Benchmark
    public List<Issue> seedFast() {
        return check(seed, CheckMode.FAST_ONLY);
    }

    @Benchmark
    public XtextResource largeParseLink() {
        XtextResource resource = load(large);
        EcoreUtil.resolveAll(resource);
        return resource;
    }

    @Benchmark
    public List<Issue> largeAll() {
        return check(large, CheckMode.ALL);
    }

    @Benchmark
    public List<Issue> largeFast() {
        return check(large, CheckMode.FAST_ONLY);
    }

    private List<Issue> check(byte[] text, CheckMode mode) {
        XtextResource resource = load(text);
        return resource.getResourceServiceProvider().getResourceValidator().validate(resource, mode,
                CancelIndicator.NullImpl);
    }

    private XtextResource load(byte[] text) {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("bench:/model.irqlab"));
        try {
            resource.load(new ByteArrayInputStream(text), resourceSet.getLoadOptions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource;
    }

    private static byte[] example(String name) {
        try (InputStream in = LanguageBenchmark.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("examples/" + name + " is not in the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(String model, List<Issue> issues, String... codes) {
        for (Issue issue : issues) {
            if (issue.isSyntaxError()) {
                throw new IllegalStateException(model + ": syntax error: " + issue);
            }
        }
        for (String code : codes) {
            if (issues.stream().noneMatch(i -> code.equals(i.getCode()))) {
                throw new IllegalStateException(model + ": expected a diagnostic " + code + ", got " + issues);
            }
        }
        if (issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR
                && !IssueCodes.DEVICE_PROBE_FAILS.equals(i.getCode()))) {
            throw new IllegalStateException(model + ": unexpected errors: " + issues);
        }
    }
}
