package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.irqlab.kernel.VectorMatrix;
import org.junit.jupiter.api.Test;

/**
 * The simulator is a plain-Java bundle: it can be read, tested and benchmarked without Xtext, EMF or Eclipse.
 * Its manifest requires and imports nothing, so the build compiles it against the JDK alone; this test keeps
 * anybody from adding a dependency to the manifest.
 */
class KernelBundleBoundaryTest {

    private static Attributes kernelManifest() throws IOException {
        URL url = Collections.list(VectorMatrix.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))
                .stream().filter(KernelBundleBoundaryTest::isKernelManifest).findFirst().orElse(null);
        assertNotNull(url, "the org.irqlab.kernel bundle's manifest is on its class loader");
        try (InputStream in = url.openStream()) {
            return new Manifest(in).getMainAttributes();
        }
    }

    private static boolean isKernelManifest(URL url) {
        try (InputStream in = url.openStream()) {
            String name = new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
            return name != null && name.split(";")[0].trim().equals("org.irqlab.kernel");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theSimulatorBundleDependsOnNothingButTheJdk() throws IOException {
        Attributes headers = kernelManifest();
        assertNull(headers.getValue("Require-Bundle"), "org.irqlab.kernel must not require bundles");
        assertNull(headers.getValue("Import-Package"), "org.irqlab.kernel must not import packages");
        assertNull(headers.getValue("DynamicImport-Package"), "org.irqlab.kernel must not import dynamically");
        assertNull(headers.getValue("Fragment-Host"), "org.irqlab.kernel is not a fragment");
        assertEquals("org.irqlab.kernel", headers.getValue("Export-Package"));
    }

    @Test
    void theSimulatorIsLoadedFromItsOwnBundle() throws IOException {
        // a second copy of the package inside the language bundle would shadow this one
        assertEquals("org.irqlab.kernel", kernelManifest().getValue("Automatic-Module-Name"));
        assertNull(getClass().getClassLoader().getResource("org/irqlab/dsl/kernel/VectorMatrix.class"));
    }
}
