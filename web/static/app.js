// algreg: progressive enhancement of the server-rendered pages. Everything here is optional:
// without this script every page works with plain links and GET forms.
//  - results as you type, filters and sorting without reload: fetch the page's own URL and
//    swap the regions marked data-region (the server renders the same HTML it would anyway);
//  - suggestions for the search box (ARIA 1.2 combobox with a listbox, keyboard support) from
//    /api/v1/suggest.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return; // the plain forms keep working, with their apply buttons
  }
  // Filters and sorting now apply at once: app.css hides their apply buttons.
  document.documentElement.classList.add('js');

  var query = document.getElementById('q');
  var live = document.getElementById('live-status');
  var sequence = 0;
  var controller = null;

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // The URL of the form's current state: the same URL a submit would produce, without empty
  // and default values.
  function formUrl() {
    var data = new FormData(form);
    var params = new URLSearchParams();
    data.forEach(function (value, name) {
      if (value === '') { return; }
      if (name === 'sort' && value === 'relevance') { return; }
      params.append(name, value);
    });
    var text = params.toString();
    return form.getAttribute('action') + (text ? '?' + text : '');
  }

  // Fetches `url` and swaps every data-region; `mode` is 'push', 'replace' or 'none' (history).
  function refresh(url, mode, after) {
    var mine = ++sequence;
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    form.setAttribute('aria-busy', 'true');
    fetch(url, {
      headers: { 'Accept': 'text/html' },
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    }).then(function (html) {
      if (mine !== sequence) { return; }
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var active = document.activeElement;
      var activeId = active && active.id;
      var regions = document.querySelectorAll('[data-region]');
      for (var i = 0; i < regions.length; i++) {
        var fresh = doc.getElementById(regions[i].id);
        if (fresh) {
          regions[i].replaceWith(document.importNode(fresh, true));
        }
      }
      if (doc.title) { document.title = doc.title; }
      var freshSort = doc.getElementById('sort');
      var sort = document.getElementById('sort');
      if (freshSort && sort && sort.value !== freshSort.value) { sort.value = freshSort.value; }
      if (mode === 'push') {
        history.pushState({ algreg: true }, '', url);
      } else if (mode === 'replace') {
        history.replaceState({ algreg: true }, '', url);
      }
      // Keep focus where it was when that element was swapped.
      if (activeId && !document.body.contains(active)) {
        var again = document.getElementById(activeId);
        if (again) { again.focus(); }
      }
      var count = document.getElementById('result-count');
      if (live && count) {
        live.textContent = '';
        setTimeout(function () { live.textContent = count.textContent; }, 50);
      }
      wireRegions();
      if (after) { after(); }
    }).catch(function (error) {
      if (error && error.name === 'AbortError') { return; }
      // Fall back to a normal page load: the server renders the same state.
      window.location.assign(url);
    }).then(function () {
      if (mine === sequence) { form.removeAttribute('aria-busy'); }
    });
  }

  function focusResults() {
    var results = document.getElementById('resultaten');
    if (results) {
      results.focus({ preventScroll: true });
      results.scrollIntoView({ block: 'start' });
    }
  }

  // Links inside the swapped regions (chips, pagination, "bedoelde u", clear all).
  function wireRegions() {
    var links = form.querySelectorAll('a[data-nav]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].dataset.wired) { continue; }
      links[i].dataset.wired = '1';
      links[i].addEventListener('click', onNavClick);
    }
  }

  function onNavClick(event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    var link = event.currentTarget;
    var isPage = !!link.closest('.pagination');
    var url = link.getAttribute('href');
    syncInputsFromUrl(url);
    refresh(url, 'push', isPage ? focusResults : null);
  }

  // After following a link, the inputs outside the regions must show that link's state.
  function syncInputsFromUrl(url) {
    var params = new URL(url, window.location.href).searchParams;
    if (query) { query.value = params.get('q') || ''; }
    var org = document.getElementById('org_q');
    if (org) { org.value = params.get('org_q') || ''; }
    var sort = document.getElementById('sort');
    if (sort) { sort.value = params.get('sort') || 'relevance'; }
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target.type === 'checkbox' || target.id === 'sort') {
      refresh(formUrl(), 'push');
    }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    closeSuggestions();
    // Another day ("Het register op datum") changes the page's notice outside the regions:
    // load the whole page.
    var asOf = document.getElementById('as_of');
    if (asOf && (new URL(window.location.href).searchParams.get('as_of') || '') !== asOf.value) {
      window.location.assign(formUrl());
      return;
    }
    refresh(formUrl(), 'push');
  });

  var typed = debounce(function () { refresh(formUrl(), 'replace'); }, 250);
  if (query) {
    query.addEventListener('input', typed);
  }
  form.addEventListener('input', function (event) {
    if (event.target.id === 'org_q') { typed(); }
  });

  window.addEventListener('popstate', function () {
    syncInputsFromUrl(window.location.href);
    refresh(window.location.href, 'none');
  });

  wireRegions();

  // ---- Suggestions: combobox + listbox ----------------------------------------------------
  if (!query) { return; }
  var suggestUrl = form.dataset.suggest;
  var entryBase = form.dataset.entryBase || '/algoritme/';
  var labels = {
    title: form.dataset.labelTitles || 'Algoritmes',
    organisation: form.dataset.labelOrganisations || 'Organisaties',
    term: form.dataset.labelTerms || 'Zoektermen'
  };
  var countLabel = form.dataset.labelCount || '{0}';
  var listbox = document.createElement('ul');
  listbox.id = 'q-suggestions';
  listbox.className = 'suggestions';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', form.dataset.labelSuggestions || 'Suggesties');
  listbox.hidden = true;
  query.parentNode.appendChild(listbox);
  query.setAttribute('role', 'combobox');
  query.setAttribute('aria-autocomplete', 'list');
  query.setAttribute('aria-expanded', 'false');
  query.setAttribute('aria-controls', listbox.id);

  var options = [];
  var activeIndex = -1;
  var suggestSequence = 0;

  function closeSuggestions() {
    listbox.hidden = true;
    listbox.textContent = '';
    options = [];
    activeIndex = -1;
    query.setAttribute('aria-expanded', 'false');
    query.removeAttribute('aria-activedescendant');
  }

  function setActive(index) {
    if (!options.length) { return; }
    if (activeIndex >= 0 && options[activeIndex]) {
      options[activeIndex].el.setAttribute('aria-selected', 'false');
    }
    activeIndex = (index + options.length) % options.length;
    var option = options[activeIndex];
    option.el.setAttribute('aria-selected', 'true');
    query.setAttribute('aria-activedescendant', option.el.id);
    option.el.scrollIntoView({ block: 'nearest' });
  }

  function choose(option) {
    closeSuggestions();
    if (option.kind === 'title') {
      window.location.assign(entryBase + encodeURIComponent(option.value));
    } else if (option.kind === 'organisation') {
      query.value = '';
      var params = new URLSearchParams();
      params.append('organisatie', option.value);
      refresh(form.getAttribute('action') + '?' + params.toString(), 'push');
    } else {
      // A term's text is the whole completed query ("gemeente utrecht"), its value one word.
      query.value = option.text;
      refresh(formUrl(), 'push');
    }
  }

  function render(data) {
    listbox.textContent = '';
    options = [];
    activeIndex = -1;
    var seenTitles = {};
    function add(kind, text, value, detail) {
      var li = document.createElement('li');
      li.id = 'q-option-' + options.length;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var main = document.createElement('span');
      main.textContent = text;
      var extra = document.createElement('span');
      extra.className = 'kind';
      extra.textContent = detail ? labels[kind] + ' · ' + detail : labels[kind];
      li.appendChild(main);
      li.appendChild(extra);
      var option = { kind: kind, value: value, text: text, el: li };
      li.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(option);
      });
      listbox.appendChild(li);
      options.push(option);
    }
    (data.titles || []).slice(0, 5).forEach(function (s) {
      // Many entries share a title ("Parkeercontrole"): offer the title once, as a search.
      var key = s.text.toLowerCase();
      if (seenTitles[key]) {
        seenTitles[key].kind = 'term';
        seenTitles[key].el.lastChild.textContent = labels.term;
        return;
      }
      add('title', s.text, s.value, '');
      seenTitles[key] = options[options.length - 1];
    });
    (data.organisations || []).slice(0, 4).forEach(function (s) {
      add('organisation', s.text, s.value, countLabel.replace('{0}', String(s.count)));
    });
    (data.terms || []).slice(0, 4).forEach(function (s) {
      add('term', s.text, s.value, countLabel.replace('{0}', String(s.count)));
    });
    if (!options.length) {
      closeSuggestions();
      return;
    }
    listbox.hidden = false;
    query.setAttribute('aria-expanded', 'true');
  }

  var suggest = debounce(function () {
    var text = query.value.trim();
    if (text.length < 2 || !suggestUrl) {
      closeSuggestions();
      return;
    }
    var mine = ++suggestSequence;
    fetch(suggestUrl + '?limit=6&q=' + encodeURIComponent(text), { headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (mine !== suggestSequence || document.activeElement !== query) { return; }
        if (data) { render(data); } else { closeSuggestions(); }
      })
      .catch(function () { closeSuggestions(); });
  }, 120);

  query.addEventListener('input', suggest);
  query.addEventListener('keydown', function (event) {
    var open = !listbox.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      if (open) { event.preventDefault(); setActive(activeIndex + 1); } else { suggest(); }
    } else if (event.key === 'ArrowUp') {
      if (open) { event.preventDefault(); setActive(activeIndex - 1); }
    } else if (event.key === 'Enter') {
      if (open && activeIndex >= 0) {
        event.preventDefault();
        choose(options[activeIndex]);
      } else {
        closeSuggestions();
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
    } else if (event.key === 'Tab') {
      closeSuggestions();
    }
  });
  query.addEventListener('blur', function () {
    setTimeout(closeSuggestions, 100);
  });
})();
