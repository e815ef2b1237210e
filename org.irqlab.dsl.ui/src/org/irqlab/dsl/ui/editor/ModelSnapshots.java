package org.irqlab.dsl.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jface.text.IDocument;

/**
 * The latest validated snapshot of each open .irqlab document, and who wants to hear of new ones
 * (the Vector Matrix view). Documents are held weakly: closing an editor forgets its snapshot.
 */
public final class ModelSnapshots {

	private static final Map<IDocument, ModelSnapshot> LATEST = new WeakHashMap<>();
	private static final CopyOnWriteArrayList<Consumer<ModelSnapshot>> LISTENERS = new CopyOnWriteArrayList<>();

	private ModelSnapshots() {
	}

	public static ModelSnapshot latest(IDocument document) {
		synchronized (LATEST) {
			return LATEST.get(document);
		}
	}

	/** Called on the model's thread; listeners must hop to the UI thread themselves. */
	public static void publish(ModelSnapshot snapshot) {
		synchronized (LATEST) {
			LATEST.put(snapshot.document(), snapshot);
		}
		for (Consumer<ModelSnapshot> listener : LISTENERS) {
			listener.accept(snapshot);
		}
	}

	public static void addListener(Consumer<ModelSnapshot> listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Consumer<ModelSnapshot> listener) {
		LISTENERS.remove(listener);
	}
}
