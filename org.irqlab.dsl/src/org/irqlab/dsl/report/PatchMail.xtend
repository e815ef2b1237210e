package org.irqlab.dsl.report

import static extension org.irqlab.dsl.report.MailText.*

/**
 * A change as `git format-patch` writes it: the mbox header with the commit message wrapped at 72 columns,
 * the diffstat, and the unified diff. No Signed-off-by: the user adds theirs with `git am --signoff`.
 */
final class PatchMail {

	private new() {
	}

	def static String render(KernelTreePatches.Message message, KernelTreePatches.Change change) {
		val added = change.insertions
		val removed = change.deletions
		'''
			From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
			From: IrqLab <irqlab@invalid>
			Subject: [PATCH] «message.subject»

			«FOR paragraph : message.paragraphs»
				«paragraph.wrap(72)»

			«ENDFOR»
			«FOR trailer : message.trailers»
				«trailer»
			«ENDFOR»
			---
			 «change.file» | «added + removed» «'+'.repeat(added)»«'-'.repeat(removed)»
			 1 file changed«IF added > 0», «added» insertion«IF added != 1»s«ENDIF»(+)«ENDIF»«IF removed > 0», «removed» deletion«IF removed != 1»s«ENDIF»(-)«ENDIF»

			diff --git a/«change.file» b/«change.file»
			«change.diff»«SIGNATURE_SEPARATOR»
			IrqLab
		'''.toString.replace('\r\n', '\n')
	}

	// "-- " with its trailing space, which editors would strip. The diff comes as one text ending in a newline, not
	// line by line in a FOR: a template line ending in an expression drops a value of only whitespace, and a context
	// line for an empty source line is a single space.
	static val SIGNATURE_SEPARATOR = '-- '
}
