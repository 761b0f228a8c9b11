/**
 * Shown when the app cannot start at all (its storage or host failed before the first
 * screen). Plain DOM in both languages: the translations may be what failed.
 */
export function showStartupProblem(root: HTMLElement | null): void {
  if (!root) return
  const box = document.createElement('div')
  box.className = 'startup-problem'
  box.setAttribute('role', 'alert')
  for (const text of [
    'Health IT Role Finder could not start. Close it and open it again. If this keeps happening, restart the computer or ask for help.',
    'Health IT Role Finder no pudo iniciar. Ciérrelo y ábralo de nuevo. Si vuelve a pasar, reinicie la computadora o pida ayuda.',
  ]) {
    const line = document.createElement('p')
    line.textContent = text
    box.append(line)
  }
  root.replaceChildren(box)
}
