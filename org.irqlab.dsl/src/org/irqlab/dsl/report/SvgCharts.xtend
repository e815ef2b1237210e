package org.irqlab.dsl.report

import org.irqlab.kernel.MachineSpec
import org.irqlab.kernel.MatrixSnapshot

import static org.irqlab.dsl.report.CapacityChart.*

import static extension org.irqlab.dsl.report.Figures.*
import static extension org.irqlab.dsl.report.Html.*
import static extension org.irqlab.dsl.report.Paths.*

/**
 * The report's two charts as inline SVG, so that the HTML needs nothing from the network: the capacity curve
 * (global_available after every simulated operation, with the interrupt path of each probe) and the per-CPU
 * heatmap (free vectors per CPU, CPUs grouped by NUMA node). {@link CapacityChart} and {@link Heatmap} say where
 * everything goes; these templates draw it.
 */
class SvgCharts {

	private new() {
	}

	/** One vertex of {@code polyline#curve} per point of {@link ScenarioFacts#curve()}. */
	def static String capacityCurve(ScenarioFacts facts) {
		val chart = new CapacityChart(facts)
		val total = chart.total
		'''
			<svg id="capacity" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 «WIDTH» «HEIGHT»" width="«WIDTH»" height="«HEIGHT»" role="img" aria-label="free vector slots after each operation">
			«FOR band : chart.stripes»
				<rect class="band" x="«band.x.tenths»" y="«TOP»" width="«band.width.tenths»" height="«PLOT_HEIGHT»" fill="«band.path.colour»" fill-opacity="0.13"/>
			«ENDFOR»
			«FOR line : chart.grid»
				<line x1="«LEFT»" y1="«line.y.tenths»" x2="«PLOT_RIGHT»" y2="«line.y.tenths»" stroke="#d0d0d0" stroke-width="1"/>
				<text x="«Y_LABELS»" y="«line.labelY.tenths»" font-size="11" text-anchor="end" fill="#444">«n(line.value)»</text>
			«ENDFOR»
			«IF total !== null»
				<text x="«TOTAL_LABEL»" y="«total.labelY.tenths»" font-size="10" text-anchor="end" fill="#777">all «n(total.slots)» slots of «total.cpus» online CPUs</text>
			«ENDIF»
			«FOR tick : chart.ticks»
				<text x="«tick.x.tenths»" y="«X_LABELS»" font-size="11" text-anchor="middle" fill="#444">«tick.step»</text>
			«ENDFOR»
			<text x="«PLOT_CENTRE»" y="«X_TITLE»" font-size="11" text-anchor="middle" fill="#444">operations (each probe, removal, CPU switched, irqbalance pass)</text>
			<text x="12" y="«PLOT_MIDDLE»" font-size="11" fill="#444" transform="rotate(-90 12 «PLOT_MIDDLE»)" text-anchor="middle">free vector slots</text>
			<line x1="«LEFT»" y1="«TOP»" x2="«LEFT»" y2="«PLOT_BOTTOM»" stroke="#444"/>
			<line x1="«LEFT»" y1="«PLOT_BOTTOM»" x2="«PLOT_RIGHT»" y2="«PLOT_BOTTOM»" stroke="#444"/>
			<polyline id="curve" fill="none" stroke="#1a237e" stroke-width="2" points="«FOR v : chart.vertices SEPARATOR ' '»«v.x.tenths»,«v.y.tenths»«ENDFOR»"/>
			«FOR change : chart.changes»
				<line class="change" x1="«change.x.tenths»" y1="«TOP»" x2="«change.x.tenths»" y2="«PLOT_BOTTOM»" stroke="«change.path.colour»" stroke-dasharray="4 3"/>
				<text x="«change.labelX.tenths»" y="«change.labelY»" font-size="11" font-weight="bold" text-anchor="«change.anchor»" fill="«change.path.colour»">«change.device.escape»: «change.path.describe.escape»</text>
			«ENDFOR»
			«FOR entry : chart.legend»
				<rect x="«entry.x»" y="6" width="10" height="10" fill="«entry.path.colour»"/><text x="«entry.textX»" y="15" font-size="11" fill="#333">«entry.path.describe.escape»</text>
			«ENDFOR»
			</svg>
		'''.toString
	}

	/** One {@code rect.cpu} per CPU of the machine, CPUs of one NUMA node together. */
	def static String heatmap(String id, MatrixSnapshot snapshot, MachineSpec machine, int usablePerCpu) {
		val chart = new Heatmap(snapshot, machine, usablePerCpu)
		'''
			<svg id="«id»" class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 «WIDTH» «chart.height»" width="«WIDTH»" height="«chart.height»" role="img" aria-label="free vectors per CPU">
			«FOR node : chart.nodes»
				<text x="4" y="«node.titleY»" font-size="12" font-weight="bold" fill="#222">NUMA node «node.node»: CPUs «node.cpus»</text><text x="«Heatmap.RIGHT»" y="«node.titleY»" font-size="11" text-anchor="end" fill="#444">«n(node.managed)» reserved for managed, «n(node.allocated)» allocated to others, «n(node.free)» free</text>
				<g class="node" data-node="«node.node»">
				«FOR cell : node.cells»
					<rect class="cpu" data-cpu="«cell.cpu»" x="«cell.x»" y="«cell.y»" width="«chart.size»" height="«chart.size»" fill="«cell.fill»"><title>«cell.tooltip.escape»</title></rect>«IF cell.free !== null»<text x="«cell.free.x»" y="«cell.free.y»" font-size="8" text-anchor="middle" fill="«cell.free.fill»" pointer-events="none">«cell.free.free»</text>«ENDIF»
				«ENDFOR»
				</g>
			«ENDFOR»
			«FOR entry : chart.legend»
				<rect x="«entry.x»" y="«entry.y»" width="12" height="12" fill="«entry.colour»"/><text x="«entry.textX»" y="«entry.textY»" font-size="11" fill="#333">«entry.label.escape»</text>
			«ENDFOR»
			</svg>
		'''.toString
	}
}
