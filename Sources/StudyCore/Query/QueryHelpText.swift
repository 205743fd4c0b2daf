/// The query language explained for users; shown by `query-help` and the browser's help.
public enum QueryHelpText {
    public static let text = """
    Filter queries

      word              studies whose text contains the word (case and accents ignored)
      two words         both must match (AND)
      a|b               either (OR); binds tighter than AND: a b|c means a AND (b OR c)
      !word             must not match; !(a b) negates a group
      "a phrase"        the exact phrase
      ( … )             grouping

    Field terms (opt-in; a plain word never needs them)

      ind:migraine      indication: migraine, epilepsy, sud, trd, chronic-pain (or pain, depression…)
      design:rct        design words: rct, crossover, randomized, placebo, double-blind, active,
                        meta-analysis, review, retrospective, series, observational
      route:iv          route: iv, im, intranasal, oral, subcutaneous, sublingual
      dir:benefit       effect direction: benefit, mixed, no-benefit, nr
      n>=20             sample size (stated total, else the sum of the arms)
      year>=2010        publication year
      level<=2          level of evidence (Oxford CEBM 2011; 1 is strongest)
      dose<0.5mg/kg     any part of a ketamine dose range below 0.5 mg/kg; compares only doses
                        of the same dimension (mg, mg/kg, mg/kg/h, mg/kg/d, mg/d); also g, mcg,
                        /hr, /min, /day. dose:mg/kg/h selects a dimension.
      cond: author: title: abstract: journal: setting: pop: comp: result: id:
                        text fields: ':' contains, '=' equals
      src:seed-002#16   studies drawn from a source document and reference; ref:16 alone
      primary:differs   the study's own abstract differs from the seed (also found,
                        not-found, none)
      from:primary      a value shown (marked †) comes from the study's own record; from:seed
                        none does; from:n, from:design, from:dose, from:route, from:outcome,
                        from:comparator name one field (in the seed-only view nothing is)
      mark:lab          the outcome carries a mark: shared (S), lab (L: laboratory or
                        surrogate measure), within (W: against baseline), disputed (D)

    Examples

      !dir:nr           studies that report a direction
      design:rct n>=20  randomized trials with at least 20 participants
      dose<0.5 mg/kg    low doses (a space before the unit is fine)
      !mark:lab from:primary
                        own-record values without a laboratory measure
      pain|migraine !design:review
                        either word, leaving out reviews

    Comparisons: :  =  <  <=  >  >=   (':' means equals for numbers)
    A value with spaces goes in quotes: cond:"status epilepticus"
    A study missing the field never matches a field term.
    """
}
