package org.irqlab.dsl.ui.views;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.ModelSnapshot;
import org.irqlab.dsl.ui.editor.ModelSnapshots;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * The vector matrix of the scenario under the cursor, one cell per CPU, coloured by how much of the
 * CPU's vector space the chosen counter takes; a strip on each cell marks its NUMA node. It follows
 * the editor's latest validated text, so it changes as you type. Click a cell for its vectors.
 */
public class VectorMatrixView extends ViewPart {

	public static final String ID = "org.irqlab.dsl.ui.vectorMatrix";

	private static final RGB[] NODE_COLOURS = { new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44),
			new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194), new RGB(127, 127, 127),
			new RGB(188, 189, 34) };

	private Label title;
	private Combo metricChoice;
	private Canvas canvas;
	private Text details;

	private volatile MatrixModel model = MatrixModel.empty("Open an .irqlab model and put the cursor in a scenario.");
	private MatrixModel.Metric metric = MatrixModel.Metric.AVAILABLE;
	private int selectedCpu = -1;
	private Layout layout;

	private IDocument trackedDocument;
	private int trackedOffset;
	private final UpdateJob updateJob = new UpdateJob();

	private final ISelectionListener selectionListener = this::selectionChanged;
	private final Consumer<ModelSnapshot> snapshotListener = snapshot -> {
		if (snapshot.document() == trackedDocument) {
			updateJob.schedule(snapshot, trackedOffset);
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		top.setLayout(new GridLayout(3, false));
		title = new Label(top, SWT.WRAP);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		Label legend = new Label(top, SWT.NONE);
		legend.setText("pale: room left, dark red: taken; the strip on a cell is its NUMA node");
		legend.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(top, SWT.NONE).setText("colour by:");
		metricChoice = new Combo(top, SWT.READ_ONLY);
		for (MatrixModel.Metric each : MatrixModel.Metric.values()) {
			metricChoice.add(each.label());
		}
		metricChoice.select(0);
		metricChoice.addListener(SWT.Selection, e -> {
			metric = MatrixModel.Metric.values()[metricChoice.getSelectionIndex()];
			canvas.redraw();
		});

		SashForm sash = new SashForm(top, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addListener(SWT.MouseDown, e -> {
			int cpu = layout == null ? -1 : layout.cpuAt(e.x, e.y);
			if (cpu >= 0) {
				selectCpu(cpu);
			}
		});
		canvas.addListener(SWT.Resize, e -> canvas.redraw());
		details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		sash.setWeights(3, 1);

		getSite().getPage().addPostSelectionListener(selectionListener);
		ModelSnapshots.addListener(snapshotListener);
		IEditorPart editor = getSite().getPage().getActiveEditor();
		if (editor != null) {
			selectionChanged(editor, editor.getSite().getSelectionProvider().getSelection());
		}
		show(model);
	}

	@Override
	public void dispose() {
		ModelSnapshots.removeListener(snapshotListener);
		getSite().getPage().removePostSelectionListener(selectionListener);
		updateJob.cancel();
		super.dispose();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	/** How many CPU cells the view shows now. */
	public int cellCount() {
		return model.cells().size();
	}

	public String titleText() {
		return title.getText();
	}

	/** As a click on the CPU's cell does: its vectors in the details pane. */
	public void selectCpu(int cpu) {
		selectedCpu = cpu;
		details.setText(model.describe(cpu));
		canvas.redraw();
	}

	public String detailsText() {
		return details.getText();
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (!(part instanceof ITextEditor editor) || !(selection instanceof ITextSelection text)) {
			return;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ModelSnapshot snapshot = document == null ? null : ModelSnapshots.latest(document);
		if (snapshot == null) {
			// not an .irqlab editor, or not validated yet: the snapshot listener picks it up when it is
			if (document != null && editor.getEditorInput().getName().endsWith(".irqlab")) {
				trackedDocument = document;
				trackedOffset = text.getOffset();
			}
			return;
		}
		trackedDocument = document;
		trackedOffset = text.getOffset();
		updateJob.schedule(snapshot, trackedOffset);
	}

	private void show(MatrixModel next) {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		model = next;
		title.setText(next.title());
		title.getParent().layout();
		details.setText(selectedCpu >= 0 && selectedCpu < next.cells().size() ? next.describe(selectedCpu)
				: next.cells().isEmpty() ? "" : "Click a CPU to see its vectors.");
		canvas.redraw();
	}

	private void paint(GC gc) {
		Point size = canvas.getSize();
		MatrixModel current = model;
		layout = new Layout(current.cells().size(), size.x, size.y);
		if (current.cells().isEmpty()) {
			return;
		}
		Display display = canvas.getDisplay();
		int cell = layout.cell;
		for (MatrixModel.Cell each : current.cells()) {
			int x = layout.x(each.cpu());
			int y = layout.y(each.cpu());
			Color fill = new Color(display, each.online() ? heat(each.pressure(metric)) : new RGB(200, 200, 200));
			gc.setBackground(fill);
			gc.fillRectangle(x, y, cell - 1, cell - 1);
			fill.dispose();
			if (cell >= 6) {
				Color node = new Color(display, NODE_COLOURS[Math.max(0, each.node()) % NODE_COLOURS.length]);
				gc.setBackground(node);
				gc.fillRectangle(x, y, cell - 1, Math.max(2, cell / 6));
				node.dispose();
			}
			if (cell >= 28) {
				gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
				gc.drawString(String.valueOf(each.value(metric)), x + 3, y + cell / 3, true);
			}
		}
		if (selectedCpu >= 0 && selectedCpu < current.cells().size()) {
			gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
			gc.setLineWidth(2);
			gc.drawRectangle(layout.x(selectedCpu), layout.y(selectedCpu), cell - 1, cell - 1);
		}
	}

	/** Pale yellow when the CPU has room, dark red when the counter takes all of it. */
	private static RGB heat(double pressure) {
		double p = Math.max(0, Math.min(1, pressure));
		int red = (int) (255 - 90 * p);
		int green = (int) (245 - 225 * p);
		int blue = (int) (200 - 180 * p);
		return new RGB(red, green, blue);
	}

	/** Square cells, as large as still lets every CPU fit. */
	private static final class Layout {
		final int cell;
		final int columns;
		final int count;

		Layout(int count, int width, int height) {
			this.count = count;
			int size = count == 0 ? 1 : Math.max(3, (int) Math.sqrt((double) width * height / count));
			while (size > 3 && (long) Math.ceil((double) count / Math.max(1, width / size)) * size > height) {
				size--;
			}
			cell = size;
			columns = Math.max(1, width / size);
		}

		int x(int index) {
			return (index % columns) * cell;
		}

		int y(int index) {
			return (index / columns) * cell;
		}

		int cpuAt(int x, int y) {
			int column = x / cell;
			if (column >= columns) {
				return -1;
			}
			int index = (y / cell) * columns + column;
			return index < count ? index : -1;
		}
	}

	/** Simulates (or reads the cached simulation of) the scenario under the cursor, off the UI thread. */
	private final class UpdateJob extends Job {
		/** An 8192-CPU scenario takes seconds to simulate the first time; longer than this is a model in trouble. */
		private static final long READ_TIMEOUT_MS = 120_000;

		private ModelSnapshot snapshot;
		private int offset;

		UpdateJob() {
			super("Vector Matrix");
			setSystem(true);
		}

		synchronized void schedule(ModelSnapshot next, int at) {
			snapshot = next;
			offset = at;
			cancel();
			schedule(30);
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			ModelSnapshot current;
			int at;
			synchronized (this) {
				current = snapshot;
				at = offset;
			}
			if (current == null) {
				return Status.OK_STATUS;
			}
			MatrixModel next = ModelReads.await(IrqLabUiPlugin.getDefault().model().read(current.uri(),
					(resource, cancel) -> resource == null ? null
							: build(resource, at, () -> cancel.isCanceled() || monitor.isCanceled())),
					READ_TIMEOUT_MS);
			if (next == null || monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			Display display = canvas == null || canvas.isDisposed() ? null : canvas.getDisplay();
			if (display != null) {
				display.asyncExec(() -> show(next));
			}
			return Status.OK_STATUS;
		}

		private MatrixModel build(XtextResource resource, int at, CancelIndicator cancel) {
			Scenario scenario = scenarioAt(resource, at);
			if (scenario == null) {
				return MatrixModel.empty("No scenario in this model: the matrix shows a scenario's end state.");
			}
			ScenarioSimulations simulations = IrqLabUiPlugin.getDefault().getInjector().getInstance(ScenarioSimulations.class);
			try {
				// reads run side by side; the simulation cached on the resource is filled by one at a time
				synchronized (resource) {
					ScenarioOutcome outcome = simulations.outcome(scenario, cancel);
					return MatrixModel.of(outcome);
				}
			} catch (ScenarioRunner.Cancelled e) {
				return null;
			}
		}

		/** The scenario containing the offset, else the last one starting before it, else the first. */
		private Scenario scenarioAt(XtextResource resource, int at) {
			EObject element = IrqLabUiPlugin.getDefault().getInjector().getInstance(EObjectAtOffsetHelper.class)
					.resolveContainedElementAt(resource, at);
			Scenario scenario = EcoreUtil2.getContainerOfType(element, Scenario.class);
			if (scenario != null) {
				return scenario;
			}
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model root)) {
				return null;
			}
			Scenario before = null;
			Scenario first = null;
			for (EObject each : root.getElements()) {
				if (each instanceof Scenario candidate) {
					first = first == null ? candidate : first;
					var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(candidate);
					if (node != null && node.getOffset() <= at) {
						before = candidate;
					}
				}
			}
			return before != null ? before : first;
		}
	}
}
