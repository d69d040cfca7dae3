/** Case study: factor (see the module's README section in the top-level README). */
package twostage.factor;
