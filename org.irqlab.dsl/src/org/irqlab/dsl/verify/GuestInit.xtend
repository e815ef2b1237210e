package org.irqlab.dsl.verify

import java.util.List

/**
 * The guest's /init: mounts the kernel's file systems, unbinds the devices a built-in driver probed during
 * boot (so that the scenario probes them in its own order), loads virtio_pci (which names the virtio devices),
 * turns automatic driver binding off, loads the drivers, then plays the scenario's steps one by one (the NVMe
 * controllers of one `add` are probed all at once, each probe in its own process, so that their reset work
 * overlaps as when the kernel probes them asynchronously). After
 * boot and after each step it prints what verify compares, every line prefixed with "@irqlab ", on the
 * serial console: the last irq_matrix trace event (the matrix counters), /proc/interrupts, each interrupt's
 * affinity and effective CPU, which devices have a driver, and what the kernel printed.
 */
class GuestInit {

	/** What each line the init prints starts with; the host reads only those lines. */
	public static val PREFIX = "@irqlab "

	/**
	 * @param busModules modules inserted before automatic binding is turned off (virtio_pci and its dependencies)
	 * @param driverModules the drivers and their dependencies, each "file.ko [parameter=value ...]"
	 */
	def static String script(GuestPlan plan, List<String> busModules, List<String> driverModules) '''
		#!/bin/busybox sh
		/bin/busybox --install -s /bin
		export PATH=/bin
		mount -t proc proc /proc
		mount -t sysfs sys /sys
		mount -t devtmpfs dev /dev
		mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
		mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
		T=/sys/kernel/tracing
		say() { echo "«PREFIX»$*"; }
		fail() { say fail "$*"; poweroff -f; }
		bound() {
		  b=""
		  for k in $DEVICES; do
		    eval h=\$H$k
		    case $h in
		      virtio*) [ -e /sys/bus/virtio/devices/$h/driver ] && b="$b $k" ;;
		      *) [ -e /sys/bus/pci/devices/$h/driver ] && b="$b $k" ;;
		    esac
		  done
		  say bound$b
		}
		observe() {
		  say step $1
		  [ -e $T/trace ] && grep irq_matrix $T/trace | tail -n 1 | sed 's/^/«PREFIX»matrix /' && echo > $T/trace
		  sed -n 's/^ *\([0-9][0-9]*:\)/«PREFIX»int \1/p' /proc/interrupts
		  grep -H . /proc/irq/[0-9]*/smp_affinity_list | sed -n 's,^/proc/irq/\([0-9]*\)/smp_affinity_list:,«PREFIX»smp \1 ,p'
		  grep -H . /proc/irq/[0-9]*/effective_affinity_list 2>/dev/null | sed -n 's,^/proc/irq/\([0-9]*\)/effective_affinity_list:,«PREFIX»eff \1 ,p'
		  bound
		  dmesg -c | sed 's/^/«PREFIX»dmesg /'
		  say end $1
		}
		nvme_settles() {
		  i=0
		  while [ $i -lt 600 ]; do
		    [ -e /sys/bus/pci/devices/$1/driver ] || return
		    for s in /sys/bus/pci/devices/$1/nvme/nvme*/state; do
		      [ -e $s ] || continue
		      case $(cat $s) in new|resetting|connecting) ;; *) return ;; esac
		    done
		    sleep 0.1
		    i=$((i + 1))
		  done
		}
		probe() {
		  eval h=\$H$1
		  case $h in
		    virtio*) echo $h > /sys/bus/virtio/drivers_probe ;;
		    *) echo $h > /sys/bus/pci/drivers_probe; nvme_settles $h ;;
		  esac
		  for n in /sys/bus/pci/devices/$(eval echo \$A$1)/nvme/nvme*; do [ -e $n ] && say name $1 ${n##*/}; done
		  say intx $1 $(cat /sys/bus/pci/devices/$(eval echo \$A$1)/irq)
		}
		probe_together() {
		  k=$1
		  while [ $k -lt $2 ]; do
		    eval h=\$H$k
		    (echo $h > /sys/bus/pci/drivers_probe) &
		    k=$((k + 1))
		  done
		  wait
		  k=$1
		  while [ $k -lt $2 ]; do
		    eval h=\$H$k
		    nvme_settles $h
		    for n in /sys/bus/pci/devices/$(eval echo \$A$k)/nvme/nvme*; do [ -e $n ] && say name $k ${n##*/}; done
		    say intx $k $(cat /sys/bus/pci/devices/$(eval echo \$A$k)/irq)
		    k=$((k + 1))
		  done
		}
		unbind() {
		  eval h=\$H$1
		  case $h in
		    virtio*) [ -e /sys/bus/virtio/devices/$h/driver ] && echo $h > /sys/bus/virtio/devices/$h/driver/unbind ;;
		    *) [ -e /sys/bus/pci/devices/$h/driver ] && echo $h > /sys/bus/pci/devices/$h/driver/unbind ;;
		  esac
		}
		release_builtin() {
		  for d in /sys/bus/pci/drivers/nvme/0000:*; do
		    [ -e "$d" ] || continue
		    nvme_settles ${d##*/}
		    echo ${d##*/} > /sys/bus/pci/drivers/nvme/unbind && say released nvme ${d##*/}
		  done
		  for drv in virtio_blk virtio_net; do
		    for d in /sys/bus/virtio/drivers/$drv/virtio*; do
		      [ -e "$d" ] && echo ${d##*/} > /sys/bus/virtio/drivers/$drv/unbind && say released $drv ${d##*/}
		    done
		  done
		}
		release_builtin
		dmesg -c > /dev/null
		say uname $(uname -r)
		say cpus $(cat /sys/devices/system/cpu/online)
		for n in /sys/devices/system/node/node[0-9]*; do [ -e $n/cpulist ] && say node ${n##*node} $(cat $n/cpulist); done
		observe boot
		«FOR module : busModules»
		insmod /lib/modules/«module» || fail insmod «module»
		«ENDFOR»
		echo 0 > /sys/bus/pci/drivers_autoprobe
		[ -e /sys/bus/virtio ] && echo 0 > /sys/bus/virtio/drivers_autoprobe
		DEVICES="«FOR device : plan.devices SEPARATOR ' '»«device.index»«ENDFOR»"
		«FOR device : plan.devices»
		A«device.index»=$(ls -d /sys/devices/pci0000:00/«device.sysfsPattern» 2>/dev/null | sed 's,.*/,,')
		[ -n "$A«device.index»" ] || fail no PCI function at «device.sysfsPattern»
		«IF device.virtio»
		H«device.index»=$(ls -d /sys/bus/pci/devices/$A«device.index»/virtio* 2>/dev/null | sed 's,.*/,,')
		[ -n "$H«device.index»" ] || fail no virtio device at $A«device.index»
		«ELSE»
		H«device.index»=$A«device.index»
		«ENDIF»
		say device «device.index» $H«device.index» $A«device.index»
		«ENDFOR»
		«FOR module : driverModules»
		insmod /lib/modules/«module» || fail insmod «module»
		«ENDFOR»
		observe loaded
		«FOR i : 0 ..< plan.steps.size»
		«command(plan.steps.get(i))»
		observe «i + 1»
		«ENDFOR»
		say done
		poweroff -f
	'''

	def private static String command(GuestStep step) {
		switch step.action {
			case PROBE: '''probe «step.device»'''
			case PROBE_TOGETHER: '''probe_together «step.device» «step.endDevice»'''
			case BIND: '''probe «step.device»'''
			case UNBIND: '''unbind «step.device»'''
			case REMOVE: '''echo 1 > /sys/bus/pci/devices/$A«step.device»/remove'''
			case OFFLINE: '''echo 0 > /sys/devices/system/cpu/cpu«step.cpu»/online'''
			case ONLINE: '''echo 1 > /sys/devices/system/cpu/cpu«step.cpu»/online'''
		}
	}
}
