/**
 * Lexical writes check lists, code blocks and tables in its own way (ARIA checkboxes, `<br>` in
 * `<pre>`, header cells by style); a post gets the forms blogs, themes and Markdown know instead.
 * Each function rewrites a parsed body in place, before cleanExportedHtml drops Lexical's markers.
 */

/** `<li role="checkbox" aria-checked>` → GitHub's task list: `<li class="task-list-item"><input type="checkbox" disabled checked>`. */
export function publishedTaskLists(body: HTMLElement) {
  for (const list of Array.from(body.querySelectorAll('ul[__lexicallisttype="check"]'))) {
    list.classList.add('contains-task-list');
    for (const item of Array.from(list.children)) {
      const checked = item.getAttribute('aria-checked');
      if (checked === null) continue;
      item.classList.add('task-list-item');
      const box = body.ownerDocument.createElement('input');
      box.setAttribute('type', 'checkbox');
      box.setAttribute('disabled', '');
      if (checked === 'true') box.setAttribute('checked', '');
      item.prepend(box, ' ');
    }
  }
}

/** `<pre data-language="js">a<br>b</pre>` → `<pre><code class="language-js">a\nb</code></pre>`. */
export function publishedCodeBlocks(body: HTMLElement) {
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    const language = pre.getAttribute('data-language');
    for (const br of Array.from(pre.querySelectorAll('br'))) br.replaceWith('\n');
    const code = body.ownerDocument.createElement('code');
    code.textContent = pre.textContent;
    if (language) code.setAttribute('class', `language-${language}`);
    pre.replaceChildren(code);
  }
}

/** A header row goes into `<thead>`, the rest into `<tbody>`; a cell's single paragraph is unwrapped. */
export function publishedTables(body: HTMLElement) {
  const document = body.ownerDocument;
  for (const table of Array.from(body.querySelectorAll('table'))) {
    for (const colgroup of Array.from(table.querySelectorAll('colgroup'))) colgroup.remove();
    const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
    for (const cell of rows.flatMap((row) => Array.from(row.children))) {
      for (const name of ['width', 'style']) cell.removeAttribute(name);
      const only = cell.children.length === 1 && cell.childNodes.length === 1 ? cell.firstElementChild : null;
      if (only?.localName === 'p') only.replaceWith(...Array.from(only.childNodes));
      if (cell.childNodes.length === 1 && cell.firstElementChild?.localName === 'br') cell.replaceChildren();
    }
    const isHeader = (row: Element) => Array.from(row.children).every((cell) => cell.localName === 'th');
    const [first, ...rest] = rows;
    const head = first && isHeader(first) ? first : null;
    table.replaceChildren();
    if (head) {
      const thead = document.createElement('thead');
      thead.append(head);
      table.append(thead);
    }
    const tbody = document.createElement('tbody');
    tbody.append(...(head ? rest : rows));
    if (tbody.children.length > 0) table.append(tbody);
  }
}

/**
 * Lexical keeps a nested list in an item of its own; in HTML (and Markdown) it belongs to the item
 * before it, else blogs show an empty bullet in front of it.
 */
export function publishedNestedLists(body: HTMLElement) {
  for (const item of Array.from(body.querySelectorAll('li'))) {
    const only = item.children.length === 1 ? item.firstElementChild : null;
    const isWrapper =
      (only?.localName === 'ul' || only?.localName === 'ol') && item.textContent === only.textContent;
    const previous = item.previousElementSibling;
    if (isWrapper && previous?.localName === 'li' && item.childNodes.length === 1) {
      previous.append(only);
      item.remove();
    }
  }
}
