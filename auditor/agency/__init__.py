"""Agency features: many client sites at once and their history (docs/batch.md, docs/scaling.md).

- batch_file: the batch file (TOML or CSV) parsed into client specs;
- batch: a batch run, one supervised child per client, at most `jobs` at once;
- supervisor: the child processes, their time and memory limits, their deaths as error entries;
- child: one client audited in its child process (auditor.pipeline);
- distributed: the clients as RQ jobs for workers on several machines;
- compare: two audits of a site compared, and its trend;
- portfolio: the overview of a batch (rendered by reports.portfolio);
- cli: their commands (batch, compare, trends, portfolio, worker).
"""
