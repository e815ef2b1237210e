package org.irqlab.dsl.tests.language;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class FormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void blocksAreIndentedOneStatementPerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("machine   m {kernel 6.12 cpus   8\nsystem vectors 32 ,50,128 node 0 cpus 0-3,6}"
					+ " device d:virtio_blk{queues 2 intx none} scenario s on m{add 4 x d offline 2}");
			request.setExpectation("""
					machine m {
						kernel 6.12
						cpus 8
						system vectors 32, 50, 128
						node 0 cpus 0-3,6
					}

					device d : virtio_blk {
						queues 2
						intx none
					}

					scenario s on m {
						add 4 x d
						offline 2
					}
					""");
		});
	}

	@Test
	void emptyBlockStaysOnOneLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("scenario s on m {\n\n}\nmachine m {}");
			request.setExpectation("scenario s on m {}\n\nmachine m {}\n");
		});
	}

	@Test
	void placedOnANodeKeepsOneSpaceBetweenItsWords() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("machine m {cpus 8 nodes 2 load{placed   6 on\nnode 1 reserved 9}}");
			request.setExpectation("""
					machine m {
						cpus 8
						nodes 2
						load {
							placed 6 on node 1
							reserved 9
						}
					}
					""");
		});
	}
}
