;;; client.el --- drives Emacs + eglot against the server, as a user's init would -*- lexical-binding: t -*-
;; Run by test/emacs/emacs.test.ts: emacs --batch -q -l test/emacs/client.el, with EDITOR_TEST_CONFIG=<config.json>.
;; Writes what eglot saw to the JSON file named by the config's `out'.

;; -q, not -Q: Debian's site-start puts its elpa packages (elpa-eglot) on the load path.
(require 'eglot)
(require 'json)
(require 'cl-lib)

(let-alist (json-read-file (getenv "EDITOR_TEST_CONFIG"))
  (let ((results nil)
        (published nil)
        (timeout (/ (or .timeout_ms 20000) 1000.0)))
    (cl-flet* ((put-result (key value) (push (cons key value) results))
               (wait-for (pred what)
                         (let ((deadline (+ (float-time) timeout)))
                           (while (and (not (funcall pred)) (< (float-time) deadline))
                             (accept-process-output nil 0.05))
                           (or (funcall pred) (error "timed out waiting for %s" what))))
               (pos-at (line character)
                       (save-excursion
                         (goto-char (point-min))
                         (forward-line line)
                         (eglot-move-to-lsp-abiding-column character)
                         (point)))
               (open (file)
                     (find-file file)
                     (apply #'eglot (eglot--guess-contact))
                     (wait-for (lambda () (and (eglot-current-server) (eglot-managed-p))) (format "eglot to manage %s" file))
                     (current-buffer))
               (hover (line character)
                      (let ((r (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                                (list :textDocument (eglot--TextDocumentIdentifier)
                                                      :position (eglot--pos-to-lsp-position (pos-at line character))))))
                        (list (cons 'kind (plist-get (plist-get r :contents) :kind))
                              (cons 'value (plist-get (plist-get r :contents) :value))))))
      (condition-case err
          (progn
            ;; No VCS here: the test's directory is the project.
            (setq project-find-functions (list (lambda (_dir) (cons 'transient .root))))
            ;; Emacs 28 has no JSON or log mode: a JSON mode as the json-mode package defines it; logs stay in
            ;; fundamental-mode (language id "fundamental"; the server goes by the .log extension).
            (define-derived-mode json-mode js-mode "JSON")
            (add-to-list 'auto-mode-alist '("\\.json\\'" . json-mode))
            ;; The user's configuration: the README's eglot block, as it stands there. Batch Emacs has no command
            ;; loop, so eglot-ensure's hook never fires: `open' starts eglot as eglot-ensure would.
            (load .user_config nil t)
            (cl-defmethod eglot-handle-notification :before
              (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
              (push (cons uri diagnostics) published))

            (with-current-buffer (open .files.js)
              (put-result 'language_ids (list (cons 'js (eglot--language-id (eglot-current-server)))))
              (put-result 'hover_js (hover .positions.hover_code.line .positions.hover_code.character))
              (let ((uri (eglot--path-to-uri buffer-file-name)))
                (wait-for (lambda () (cl-some (lambda (p) (and (equal (car p) uri) (> (length (cdr p)) 0))) published)) "publishDiagnostics")
                (put-result 'diagnostics_js
                            (mapcar (lambda (d) (list (cons 'code (plist-get d :code)) (cons 'message (plist-get d :message))
                                                      (cons 'severity (plist-get d :severity))
                                                      (cons 'line (plist-get (plist-get (plist-get d :range) :start) :line))))
                                    (cdr (cl-find-if (lambda (p) (equal (car p) uri)) published)))))
              ;; Completion through eglot's completion-at-point function, as M-x completion-at-point would.
              (goto-char (pos-at .positions.completion_code.line .positions.completion_code.character))
              (let* ((capf (eglot-completion-at-point))
                     (table (nth 2 capf)))
                (put-result 'completion_js (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) table)))
              ;; The quick fix through eglot-code-actions (interactive, kind quickfix: one action is applied).
              (let* ((line .positions.fix_line)
                     (beg (save-excursion (goto-char (point-min)) (forward-line line) (search-forward "SELFIE") (match-beginning 0))))
                (flymake-start)
                (wait-for (lambda () (or (flymake-diagnostics beg (1+ beg)) t)) "flymake")
                (put-result 'flymake_count (length (flymake-diagnostics)))
                (eglot-code-actions beg beg "quickfix" t)
                (put-result 'fixed_line (save-excursion (goto-char (point-min)) (forward-line line)
                                                        (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))

            (with-current-buffer (open .files.json)
              (put-result 'hover_json (hover .positions.hover_json.line .positions.hover_json.character))
              (push (cons 'json (eglot--language-id (eglot-current-server))) (alist-get 'language_ids results)))
            (with-current-buffer (open .files.log)
              (put-result 'hover_log (hover .positions.hover_log.line .positions.hover_log.character))
              (push (cons 'log (eglot--language-id (eglot-current-server))) (alist-get 'language_ids results))))
        (error (put-result 'error (error-message-string err))))
      (put-result 'emacs emacs-version)
      (put-result 'eglot (locate-library "eglot"))
      (with-temp-file (concat .out ".tmp") (insert (json-encode results)))
      (rename-file (concat .out ".tmp") .out t)
      (ignore-errors (eglot-shutdown-all))
      (kill-emacs 0))))
